/** A one-line progress bar on stderr; on a non-terminal it prints every tenth instead of redrawing. */
export function progressBar(label: string, total: number) {
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  const started = performance.now();
  const render = (done: number) => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    if (tty) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(
        `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} (${Math.round(ratio * 100)}%)`,
      );
    } else if (Math.floor(ratio * 10) > lastTenth) {
      lastTenth = Math.floor(ratio * 10);
      process.stderr.write(`${label}: ${done}/${total}\n`);
    }
  };
  render(0);
  return {
    update: render,
    done() {
      render(total);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(`${tty ? "\n" : ""}${label}: done in ${seconds} s\n`);
    },
  };
}
