import { progressBar } from "@venta/kit";
import { postGraphQL } from "@venta/testing";

const ADD_FAVORITE = `mutation Favorite($vendorId: ID!) { addFavorite(vendorId: $vendorId) { id } }`;
/** People favoriting at once: enough to be quick, few enough to stay out of the figures' way. */
const CONNECTIONS = 10;

/**
 * Each person favorites their vendors through the router, signed in as themselves, as the app
 * does; marketplace announces each, and communication's alerts learn them from the bus. Returns
 * the favorites refused.
 */
export async function postFavorites(
  url: string,
  signIn: (userId: string) => Promise<Record<string, string>>,
  favorites: ReadonlyMap<string, readonly string[]>,
): Promise<number> {
  const people = [...favorites];
  const progress = progressBar("favorites", people.length);
  let next = 0;
  let done = 0;
  let errors = 0;
  const worker = async () => {
    for (let index = next++; index < people.length; index = next++) {
      const [userId, vendorIds] = people[index] as [string, readonly string[]];
      const headers = await signIn(userId);
      for (const vendorId of vendorIds) {
        const answer = await postGraphQL(url, ADD_FAVORITE, { vendorId }, headers);
        if (answer.status !== 200 || answer.errors) errors += 1;
      }
      if (++done % 100 === 0) progress.update(done);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  progress.done();
  return errors;
}
