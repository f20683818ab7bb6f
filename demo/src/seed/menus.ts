import type { EventBus } from "@venta/events";
import { type MarketplaceStores, type MenuImport, MenusService } from "@venta/marketplace";
import { publishAnnounced } from "./announced.js";
import { type DemoCity, type DemoVendor, seededRandom } from "./austin.js";

/** A dish: name, description (or null), price in cents, dietary tags. */
type Dish = [name: string, description: string | null, cents: number, tags?: string[]];
/** A cuisine's menu sections, the first being its mains. */
type Catalogue = Record<string, Dish[]>;

const DRINKS: Dish[] = [
  ["Mexican Coke", "Cane sugar, glass bottle", 350, ["VEGAN", "GLUTEN_FREE"]],
  ["Agua Fresca", "Watermelon or hibiscus, made daily", 400, ["VEGAN", "GLUTEN_FREE"]],
  ["Topo Chico", null, 300, ["VEGAN", "GLUTEN_FREE"]],
  ["Iced Tea", "Unsweetened, free refills", 300, ["VEGAN", "GLUTEN_FREE"]],
  ["Lemonade", "Fresh squeezed", 400, ["VEGAN", "GLUTEN_FREE"]],
];

/** What each of the demo city's cuisines sells, so every truck's menu fits its name. */
const CATALOGUES: Record<string, Catalogue> = {
  tacos: {
    Tacos: [
      ["Al Pastor", "Spit-roasted pork, pineapple, onion, cilantro", 375, ["DAIRY_FREE", "SPICY"]],
      ["Carne Asada", "Grilled skirt steak, salsa verde", 425, ["DAIRY_FREE", "GLUTEN_FREE"]],
      ["Barbacoa", "Slow-braised beef cheek", 425, ["GLUTEN_FREE"]],
      ["Carnitas", "Crispy braised pork, pickled onion", 375, ["GLUTEN_FREE"]],
      ["Nopales", "Grilled cactus, queso fresco, salsa roja", 350, ["VEGETARIAN", "GLUTEN_FREE"]],
      ["Baja Fish", "Beer-battered cod, cabbage, chipotle crema", 450],
    ],
    Sides: [
      ["Elote", "Street corn, cotija, chile, lime", 500, ["VEGETARIAN", "GLUTEN_FREE"]],
      ["Chips & Salsa", "Roja and verde", 400, ["VEGAN", "GLUTEN_FREE"]],
      ["Frijoles Charros", "Pinto beans, bacon, jalapeño", 350, ["GLUTEN_FREE", "SPICY"]],
    ],
    Drinks: DRINKS,
  },
  "tex-mex": {
    Plates: [
      ["Cheese Enchiladas", "Chili con carne, rice and beans", 1200],
      ["Beef Fajitas", "Sizzling skirt steak, peppers, flour tortillas", 1500, ["DAIRY_FREE"]],
      ["Puffy Tacos", "San Antonio style, ground beef", 1000],
      ["Chile Relleno", "Poblano, Oaxaca cheese, ranchero sauce", 1100, ["VEGETARIAN"]],
    ],
    Starters: [
      ["Queso", "Bob Armstrong style, with guacamole and picadillo", 900],
      ["Guacamole", "Made to order", 800, ["VEGAN", "GLUTEN_FREE"]],
      ["Nachos", "Refried beans, jalapeños, cheddar", 900, ["VEGETARIAN", "SPICY"]],
    ],
    Drinks: DRINKS,
  },
  bbq: {
    Meats: [
      ["Brisket", "Post oak smoked, by the half pound", 1600, ["GLUTEN_FREE", "DAIRY_FREE"]],
      ["Pork Ribs", "Salt, pepper, smoke", 1400, ["GLUTEN_FREE", "DAIRY_FREE"]],
      ["Jalapeño Cheddar Sausage", "House-made link", 700, ["GLUTEN_FREE", "SPICY"]],
      ["Pulled Pork Sandwich", "Vinegar slaw, brioche bun", 1100],
      ["Smoked Turkey", "By the half pound", 1300, ["GLUTEN_FREE", "DAIRY_FREE"]],
    ],
    Sides: [
      ["Mac & Cheese", null, 500, ["VEGETARIAN"]],
      ["Potato Salad", "Mustard style", 400, ["VEGETARIAN", "GLUTEN_FREE"]],
      ["Pinto Beans", "With brisket trimmings", 400, ["GLUTEN_FREE", "DAIRY_FREE"]],
      ["Coleslaw", null, 400, ["VEGETARIAN", "GLUTEN_FREE"]],
    ],
    Drinks: DRINKS,
  },
  burgers: {
    Burgers: [
      ["Classic Smash", "Two patties, American cheese, pickles, onion", 1100],
      ["Green Chile Burger", "Hatch chiles, pepper jack", 1250, ["SPICY"]],
      ["Bacon Cheeseburger", "Cheddar, thick-cut bacon", 1300],
      ["Black Bean Burger", "Avocado, chipotle mayo", 1100, ["VEGETARIAN"]],
    ],
    Sides: [
      ["Fries", "Hand cut, sea salt", 450, ["VEGAN", "GLUTEN_FREE"]],
      ["Onion Rings", "Beer battered", 550, ["VEGETARIAN"]],
      ["Tots", null, 450, ["VEGAN"]],
    ],
    Shakes: [
      ["Vanilla Shake", null, 650, ["VEGETARIAN", "GLUTEN_FREE"]],
      ["Chocolate Shake", null, 650, ["VEGETARIAN", "GLUTEN_FREE"]],
    ],
  },
  pizza: {
    Pizzas: [
      ["Margherita", "Tomato, mozzarella, basil", 1200, ["VEGETARIAN"]],
      ["Pepperoni", "Cup-and-char pepperoni, oregano", 1400],
      ["Hot Honey", "Soppressata, chili honey", 1500, ["SPICY"]],
      ["Funghi", "Roasted mushrooms, fontina, thyme", 1400, ["VEGETARIAN"]],
      ["Marinara", "Tomato, garlic, oregano, no cheese", 1000, ["VEGAN", "DAIRY_FREE"]],
    ],
    Sides: [
      ["Garlic Knots", "Parmesan, parsley", 600, ["VEGETARIAN"]],
      ["Caesar Salad", "Romaine, croutons, anchovy dressing", 900],
    ],
    Drinks: DRINKS,
  },
  thai: {
    Mains: [
      ["Pad Thai", "Rice noodles, tamarind, peanuts, egg", 1300, ["GLUTEN_FREE", "DAIRY_FREE"]],
      ["Green Curry", "Chicken, Thai eggplant, basil, rice", 1400, ["GLUTEN_FREE", "SPICY"]],
      ["Pad Kra Pao", "Holy basil stir-fry, fried egg", 1300, ["DAIRY_FREE", "SPICY"]],
      ["Khao Man Gai", "Poached chicken, ginger rice", 1200, ["DAIRY_FREE"]],
      ["Tofu Pad See Ew", "Wide noodles, Chinese broccoli", 1200, ["VEGAN"]],
    ],
    Starters: [
      ["Spring Rolls", "Fresh, with peanut sauce", 700, ["VEGAN"]],
      ["Papaya Salad", "Som tam, lime, chili", 900, ["DAIRY_FREE", "SPICY"]],
    ],
    Drinks: [["Thai Iced Tea", "With condensed milk", 500, ["VEGETARIAN"]], ...DRINKS.slice(2)],
  },
  vietnamese: {
    "Bánh Mì": [
      ["Grilled Pork Bánh Mì", "Pickled daikon and carrot, cilantro, jalapeño", 1000, ["DAIRY_FREE"]],
      ["Lemongrass Tofu Bánh Mì", null, 950, ["VEGAN"]],
      ["Pâté & Cold Cuts Bánh Mì", "The classic đặc biệt", 1050, ["DAIRY_FREE"]],
    ],
    Bowls: [
      ["Phở Bò", "Beef noodle soup, 12-hour broth", 1400, ["GLUTEN_FREE", "DAIRY_FREE"]],
      ["Bún Chả", "Grilled pork, vermicelli, herbs", 1300, ["DAIRY_FREE"]],
      ["Cơm Tấm", "Broken rice, pork chop, egg", 1300, ["DAIRY_FREE", "GLUTEN_FREE"]],
    ],
    Drinks: [
      ["Cà Phê Sữa Đá", "Vietnamese iced coffee", 550, ["VEGETARIAN", "GLUTEN_FREE"]],
      ...DRINKS.slice(2),
    ],
  },
  korean: {
    Mains: [
      ["Bulgogi Bowl", "Marinated ribeye, rice, kimchi", 1400, ["DAIRY_FREE"]],
      ["Spicy Pork Bowl", "Gochujang pork, rice, scallion", 1300, ["DAIRY_FREE", "SPICY"]],
      ["Bibimbap", "Vegetables, egg, gochujang", 1300, ["VEGETARIAN", "SPICY"]],
      ["Korean Fried Chicken", "Soy garlic or yangnyeom", 1300, ["DAIRY_FREE"]],
    ],
    Sides: [
      ["Kimchi Fries", "Cheese, kimchi, bulgogi", 900, ["SPICY"]],
      ["Japchae", "Sweet potato noodles", 800, ["VEGAN", "GLUTEN_FREE"]],
      ["Mandu", "Pork and vegetable dumplings", 700, ["DAIRY_FREE"]],
    ],
    Drinks: DRINKS.slice(2),
  },
  indian: {
    Curries: [
      ["Butter Chicken", "Tomato cream sauce, basmati rice", 1400, ["GLUTEN_FREE", "HALAL"]],
      ["Chana Masala", "Chickpeas, ginger, garam masala", 1100, ["VEGAN", "GLUTEN_FREE"]],
      ["Lamb Vindaloo", "Goan style, very hot", 1500, ["GLUTEN_FREE", "DAIRY_FREE", "HALAL", "SPICY"]],
      ["Palak Paneer", "Spinach, house-made cheese", 1200, ["VEGETARIAN", "GLUTEN_FREE"]],
    ],
    Street: [
      ["Samosa Chaat", "Chickpeas, yogurt, tamarind chutney", 800, ["VEGETARIAN"]],
      ["Chicken Kathi Roll", "Paratha, pickled onion, mint chutney", 1100, ["HALAL"]],
      ["Garlic Naan", null, 400, ["VEGETARIAN"]],
    ],
    Drinks: [
      ["Mango Lassi", null, 550, ["VEGETARIAN", "GLUTEN_FREE"]],
      ["Masala Chai", null, 400, ["VEGETARIAN"]],
    ],
  },
  mediterranean: {
    Wraps: [
      ["Chicken Shawarma Wrap", "Garlic toum, pickles, fries inside", 1200, ["HALAL", "DAIRY_FREE"]],
      ["Falafel Wrap", "Tahini, tomato, parsley", 1000, ["VEGAN"]],
      ["Lamb Gyro", "Tzatziki, tomato, onion", 1300, ["HALAL"]],
    ],
    Plates: [
      ["Shawarma Plate", "Rice, salad, hummus, pita", 1500, ["HALAL"]],
      ["Falafel Plate", "Rice, salad, hummus, pita", 1300, ["VEGAN"]],
    ],
    Sides: [
      ["Hummus & Pita", null, 700, ["VEGAN"]],
      ["Tabbouleh", null, 600, ["VEGAN"]],
      ["Baklava", "Pistachio, honey", 450, ["VEGETARIAN"]],
    ],
  },
  vegan: {
    Bowls: [
      ["Buddha Bowl", "Quinoa, roasted sweet potato, tahini", 1300, ["VEGAN", "GLUTEN_FREE"]],
      ["Jackfruit BBQ Sandwich", "Smoked jackfruit, slaw", 1200, ["VEGAN"]],
      ["Cauliflower Tacos", "Chipotle cashew crema", 1100, ["VEGAN", "GLUTEN_FREE", "SPICY"]],
      ["Beyond Chili Dog", null, 1000, ["VEGAN", "NUT_FREE"]],
    ],
    Sweets: [
      ["Chocolate Chip Cookie", null, 350, ["VEGAN", "NUT_FREE"]],
      ["Coconut Panna Cotta", "Mango, lime", 600, ["VEGAN", "GLUTEN_FREE"]],
    ],
    Drinks: DRINKS,
  },
  desserts: {
    Sweets: [
      ["Tres Leches", "Cinnamon, whipped cream", 650, ["VEGETARIAN"]],
      ["Churros", "Cinnamon sugar, chocolate sauce", 600, ["VEGETARIAN"]],
      ["Pecan Pie Slice", "Texas pecans", 650, ["VEGETARIAN"]],
      ["Banana Pudding", "Nilla wafers", 600, ["VEGETARIAN"]],
      ["Flourless Chocolate Cake", null, 700, ["VEGETARIAN", "GLUTEN_FREE"]],
    ],
    Drinks: [
      ["Cold Brew", null, 450, ["VEGAN", "GLUTEN_FREE"]],
      ["Horchata", "Rice and cinnamon", 450, ["VEGAN", "GLUTEN_FREE"]],
    ],
  },
  "ice cream": {
    Scoops: [
      ["Vanilla Bean", "One scoop, cup or cone", 450, ["VEGETARIAN", "GLUTEN_FREE"]],
      ["Mexican Chocolate", "Cinnamon and chile", 450, ["VEGETARIAN", "GLUTEN_FREE", "SPICY"]],
      ["Salted Caramel", null, 450, ["VEGETARIAN", "GLUTEN_FREE"]],
      ["Strawberry Sorbet", null, 450, ["VEGAN", "GLUTEN_FREE"]],
      ["Butter Pecan", null, 475, ["VEGETARIAN", "GLUTEN_FREE"]],
    ],
    Specials: [
      ["Paleta", "Mango chile or coconut", 400, ["VEGAN", "GLUTEN_FREE"]],
      ["Affogato", "Vanilla and a shot of espresso", 650, ["VEGETARIAN", "GLUTEN_FREE"]],
    ],
  },
  donuts: {
    Donuts: [
      ["Glazed", null, 250, ["VEGETARIAN", "NUT_FREE"]],
      ["Maple Bacon", null, 400],
      ["Chocolate Sprinkle", null, 300, ["VEGETARIAN"]],
      ["Blueberry Cake", null, 300, ["VEGETARIAN"]],
      ["Vegan Cinnamon Sugar", null, 325, ["VEGAN"]],
    ],
    Kolaches: [
      ["Sausage Kolache", "Jalapeño sausage in sweet dough", 350, ["SPICY"]],
      ["Fruit Kolache", "Apricot or cream cheese", 300, ["VEGETARIAN"]],
    ],
    Coffee: [
      ["Drip Coffee", null, 300, ["VEGAN", "GLUTEN_FREE"]],
      ["Latte", null, 500, ["VEGETARIAN", "GLUTEN_FREE"]],
    ],
  },
  coffee: {
    Coffee: [
      ["Espresso", "Double shot", 350, ["VEGAN", "GLUTEN_FREE"]],
      ["Latte", "Oat milk on request", 550, ["VEGETARIAN", "GLUTEN_FREE"]],
      ["Cortado", null, 450, ["VEGETARIAN", "GLUTEN_FREE"]],
      ["Cold Brew", "Steeped 18 hours", 500, ["VEGAN", "GLUTEN_FREE"]],
      ["Horchata Latte", "Cinnamon, rice milk", 600, ["VEGAN", "GLUTEN_FREE"]],
    ],
    Pastries: [
      ["Croissant", null, 400, ["VEGETARIAN"]],
      ["Breakfast Taco", "Egg, potato, cheese", 400, ["VEGETARIAN"]],
      ["Banana Bread", null, 375, ["VEGETARIAN"]],
    ],
  },
  breakfast: {
    "Breakfast Tacos": [
      ["Bacon, Egg & Cheese", "Flour tortilla", 400],
      ["Migas", "Eggs, tortilla chips, pico, cheese", 425, ["VEGETARIAN"]],
      ["Potato, Egg & Cheese", null, 375, ["VEGETARIAN"]],
      ["Chorizo & Egg", null, 425, ["SPICY"]],
      ["Bean & Cheese", null, 350, ["VEGETARIAN"]],
    ],
    Plates: [
      ["Chilaquiles", "Salsa verde, fried egg, crema", 1100, ["VEGETARIAN", "SPICY"]],
      ["Biscuits & Gravy", "Sausage gravy", 900],
    ],
    Drinks: [
      ["Drip Coffee", null, 300, ["VEGAN", "GLUTEN_FREE"]],
      ["Orange Juice", "Fresh squeezed", 500, ["VEGAN", "GLUTEN_FREE"]],
    ],
  },
  sandwiches: {
    Sandwiches: [
      ["Cuban", "Roast pork, ham, Swiss, pickles, mustard", 1200],
      ["Turkey Club", "Bacon, avocado, sourdough", 1200],
      ["Chicken Fried Steak Sandwich", "Cream gravy, Texas toast", 1300],
      ["Caprese", "Mozzarella, tomato, basil, ciabatta", 1100, ["VEGETARIAN"]],
      ["Muffuletta", "Olive salad, cured meats", 1300],
    ],
    Sides: [
      ["Kettle Chips", null, 250, ["VEGAN", "GLUTEN_FREE"]],
      ["Pickle Spear", null, 150, ["VEGAN", "GLUTEN_FREE"]],
      ["Pasta Salad", null, 450, ["VEGETARIAN"]],
    ],
    Drinks: DRINKS.slice(2),
  },
  seafood: {
    Seafood: [
      ["Lobster Roll", "Maine style, butter, split-top bun", 2200],
      ["Fried Shrimp Basket", "Fries, cocktail sauce", 1500, ["DAIRY_FREE"]],
      ["Fish & Chips", "Beer-battered cod", 1400, ["DAIRY_FREE"]],
      ["Shrimp Ceviche", "Lime, cucumber, serrano", 1300, ["GLUTEN_FREE", "DAIRY_FREE", "SPICY"]],
      ["Gulf Oyster Po'boy", null, 1600, ["DAIRY_FREE"]],
    ],
    Sides: [
      ["Hush Puppies", null, 500, ["VEGETARIAN"]],
      ["Cajun Fries", null, 500, ["VEGAN", "SPICY"]],
    ],
    Drinks: DRINKS.slice(2),
  },
  ramen: {
    Ramen: [
      ["Tonkotsu Ramen", "Pork bone broth, chashu, ajitama", 1500, ["DAIRY_FREE"]],
      ["Spicy Miso Ramen", "Ground pork, chili oil, corn", 1500, ["DAIRY_FREE", "SPICY"]],
      ["Shoyu Ramen", "Chicken broth, soy tare", 1400, ["DAIRY_FREE"]],
      ["Vegan Miso Ramen", "Mushroom broth, tofu", 1400, ["VEGAN"]],
    ],
    "Small Plates": [
      ["Gyoza", "Pan-fried pork dumplings", 700, ["DAIRY_FREE"]],
      ["Karaage", "Japanese fried chicken", 800, ["DAIRY_FREE"]],
      ["Edamame", "Sea salt", 500, ["VEGAN", "GLUTEN_FREE"]],
    ],
    Drinks: [
      ["Ramune", null, 400, ["VEGAN", "GLUTEN_FREE"]],
      ["Iced Green Tea", null, 350, ["VEGAN", "GLUTEN_FREE"]],
    ],
  },
  juice: {
    Juices: [
      ["Green Machine", "Kale, cucumber, celery, apple", 900, ["VEGAN", "GLUTEN_FREE"]],
      ["Beet It", "Beet, carrot, ginger", 900, ["VEGAN", "GLUTEN_FREE"]],
      ["Citrus Sunrise", "Orange, grapefruit, lime", 850, ["VEGAN", "GLUTEN_FREE"]],
      ["Ginger Shot", null, 400, ["VEGAN", "GLUTEN_FREE", "SPICY"]],
    ],
    Smoothies: [
      ["Acai Bowl", "Granola, banana, honey", 1200, ["VEGETARIAN"]],
      ["PB Banana Smoothie", "Peanut butter, banana, oat milk", 950, ["VEGAN"]],
      ["Mango Tango", null, 900, ["VEGAN", "GLUTEN_FREE", "NUT_FREE"]],
    ],
  },
};

const EPOCH = Date.UTC(2025, 0, 1);

/**
 * One vendor's demo menu, the same on every run: 1 to 3 sections of its main cuisine's catalogue
 * (the mains always first), 3 to 8 items in all, USD prices nudged by a few quarters so trucks of a
 * cuisine differ, and now and then an item sold out.
 */
export function demoMenu(vendor: DemoVendor): MenuImport {
  const random = seededRandom(Number.parseInt(vendor.id.slice(-8), 16));
  const catalogue = CATALOGUES[vendor.cuisines[0] ?? ""] ?? CATALOGUES.tacos ?? {};
  const sections = Object.entries(catalogue).slice(0, 1 + Math.floor(random() * 3));
  const wanted = 3 + Math.floor(random() * 6);
  const picked: Dish[][] = sections.map(() => []);
  // Deal items round the sections (each gets at least one) until enough or none are left.
  for (let round = 0, total = 0; total < wanted && round < 10; round += 1) {
    for (const [index, [, dishes]] of sections.entries()) {
      const dish = dishes[round];
      if (dish && total < wanted) {
        picked[index]?.push(dish);
        total += 1;
      }
    }
  }
  return {
    categories: sections.map(([name], index) => ({
      name,
      items: (picked[index] ?? []).map(([dish, description, cents, tags = []]) => ({
        name: dish,
        description,
        priceMinor: cents + 25 * Math.floor(random() * 3),
        currency: "USD",
        dietaryTags: tags,
        available: random() >= 0.06,
      })),
    })),
  };
}

/**
 * Menus for every Austin vendor, through the service the API uses (each validated, each announced
 * once), on a clock of their own so every run writes the same times.
 */
export async function seedMenus(
  marketplace: MarketplaceStores,
  bus: EventBus,
  city: DemoCity,
): Promise<number> {
  let clock = EPOCH;
  const tick = () => {
    clock += 1000;
    return new Date(clock);
  };
  const menus = new MenusService(marketplace.menus, tick);
  for (const vendor of city.vendors) await menus.replaceMenu(vendor.id, demoMenu(vendor));
  await publishAnnounced(marketplace, bus);
  return city.vendors.length;
}
