import type { Announce, MongoOutbox } from "@venta/events";
import { isMongoDuplicateKey, registerModel } from "@venta/store";
import { type ClientSession, type Connection, type Model, Schema } from "mongoose";
import {
  DIETARY_TAGS,
  type DietaryTag,
  type MenuCategoryRecord,
  type MenuItemChanges,
  type MenuItemRecord,
  type MenuRecord,
} from "./menu.record.js";
import { MenuLimitError, type MenusStore, UnknownMenuCategoryError } from "./menus.store.js";

interface CategoryDocument {
  _id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

interface ItemDocument {
  _id: string;
  categoryId: string;
  name: string;
  description: string | null;
  priceMinor: number;
  currency: string;
  dietaryTags: DietaryTag[];
  available: boolean;
  photoUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A vendor's whole menu is ONE document: every change is then a single-document update, atomic
 * without transactions, and its conditions (the limits, the category existing) are checked by the
 * same write; a write that announces events runs in a transaction with them (the outbox). Categories are kept in display order: a category's position is its array index. 200
 * items stay far below MongoDB's 16 MB document limit.
 */
interface MenuDocument {
  _id: string;
  categories: CategoryDocument[];
  items: ItemDocument[];
}

const categorySchema = new Schema<CategoryDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);

const itemSchema = new Schema<ItemDocument>(
  {
    _id: { type: String, required: true },
    categoryId: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    priceMinor: { type: Number, required: true },
    currency: { type: String, required: true },
    dietaryTags: { type: [{ type: String, enum: [...DIETARY_TAGS] }], required: true },
    available: { type: Boolean, required: true },
    photoUrl: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);

const menuSchema = new Schema<MenuDocument>(
  {
    _id: { type: String, required: true },
    categories: { type: [categorySchema], default: [] },
    items: { type: [itemSchema], default: [] },
  },
  { collection: "menus", versionKey: false, timestamps: false, autoIndex: false },
);
// Finding a vendor from one of its categories or items (to check who may change it).
menuSchema.index({ "categories._id": 1 });
menuSchema.index({ "items._id": 1 });

const toCategory = (vendorId: string, doc: CategoryDocument, position: number): MenuCategoryRecord => ({
  id: doc._id,
  vendorId,
  name: doc.name,
  position,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

const toItem = (vendorId: string, doc: ItemDocument): MenuItemRecord => ({
  id: doc._id,
  vendorId,
  categoryId: doc.categoryId,
  name: doc.name,
  description: doc.description ?? null,
  priceMinor: doc.priceMinor,
  currency: doc.currency,
  dietaryTags: [...doc.dietaryTags],
  available: doc.available,
  photoUrl: doc.photoUrl ?? null,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

const byCreation = (a: MenuItemRecord, b: MenuItemRecord) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const toRecord = (doc: MenuDocument): MenuRecord => ({
  vendorId: doc._id,
  categories: (doc.categories ?? []).map((c, position) => toCategory(doc._id, c, position)),
  items: (doc.items ?? []).map((i) => toItem(doc._id, i)).sort(byCreation),
});

function itemDocument(item: MenuItemRecord): ItemDocument {
  const { id, vendorId: _vendorId, ...rest } = item;
  return { _id: id, ...rest };
}

/** Menus in MongoDB, one document per vendor keyed by the vendor's id. */
export class MongoMenusStore implements MenusStore {
  private readonly model: Model<MenuDocument>;

  constructor(
    connection: Connection,
    private readonly outbox: MongoOutbox,
  ) {
    this.model = registerModel(connection, "Menu", menuSchema);
  }

  async findByVendorIds(vendorIds: readonly string[]): Promise<MenuRecord[]> {
    if (vendorIds.length === 0) return [];
    const docs = await this.model
      .find({ _id: { $in: [...vendorIds] } })
      .lean<MenuDocument[]>()
      .exec();
    return docs.map(toRecord).filter((menu) => menu.categories.length > 0);
  }

  async findCategory(id: string): Promise<MenuCategoryRecord | null> {
    const doc = await this.model
      .findOne({ "categories._id": id }, { categories: 1 })
      .lean<Pick<MenuDocument, "_id" | "categories">>()
      .exec();
    const position = doc?.categories.findIndex((c) => c._id === id) ?? -1;
    return doc && position >= 0
      ? toCategory(doc._id, doc.categories[position] as CategoryDocument, position)
      : null;
  }

  async findItem(id: string): Promise<MenuItemRecord | null> {
    const doc = await this.model
      .findOne({ "items._id": id }, { items: { $elemMatch: { _id: id } } })
      .lean<Pick<MenuDocument, "_id" | "items">>()
      .exec();
    const item = doc?.items[0];
    return doc && item ? toItem(doc._id, item) : null;
  }

  async insertCategory(
    category: Omit<MenuCategoryRecord, "position">,
    maxCategories: number,
    announce?: Announce<MenuRecord>,
  ): Promise<MenuRecord> {
    const { id, vendorId, ...rest } = category;
    // "No element at index max - 1" is "fewer than max categories", checked by the write itself.
    const filter = { _id: vendorId, [`categories.${maxCategories - 1}`]: { $exists: false } };
    const limit = new MenuLimitError("categories", maxCategories);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        return await this.outbox.record(async (session) => {
          const doc = await this.model
            .findOneAndUpdate(
              filter,
              { $push: { categories: { _id: id, ...rest } }, $setOnInsert: { items: [] } },
              // `items` is set on insert above; mongoose must not add defaults of its own.
              { upsert: true, returnDocument: "after", setDefaultsOnInsert: false, session },
            )
            .lean<MenuDocument>()
            .exec();
          if (!doc) throw limit;
          return toRecord(doc);
        }, announce);
      } catch (error) {
        // Thrown out of the transaction, which is aborted whole, so retrying starts afresh.
        // The upsert met an existing menu: either it is full, or it was created in between (retry).
        if (!isMongoDuplicateKey(error)) throw error;
      }
    }
    throw limit;
  }

  async renameCategory(
    vendorId: string,
    id: string,
    name: string,
    at: Date,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null> {
    return this.outbox.record(async (session) => {
      const doc = await this.model
        .findOneAndUpdate(
          { _id: vendorId, "categories._id": id },
          { $set: { "categories.$.name": name, "categories.$.updatedAt": at } },
          { returnDocument: "after", session },
        )
        .lean<MenuDocument>()
        .exec();
      return doc ? toRecord(doc) : null;
    }, announce);
  }

  async deleteCategory(
    vendorId: string,
    id: string,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null> {
    return this.outbox.record(async (session) => {
      // The category and its items go in one write; the categories after it move up by themselves.
      const doc = await this.model
        .findOneAndUpdate(
          { _id: vendorId, "categories._id": id },
          { $pull: { categories: { _id: id }, items: { categoryId: id } } },
          { returnDocument: "after", session },
        )
        .lean<MenuDocument>()
        .exec();
      return doc ? toRecord(doc) : null;
    }, announce);
  }

  async reorderCategories(
    vendorId: string,
    ids: readonly string[],
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null> {
    return this.outbox.record((session) => this.reorder(vendorId, ids, session), announce);
  }

  private async reorder(
    vendorId: string,
    ids: readonly string[],
    session: ClientSession | undefined,
  ): Promise<MenuRecord | null> {
    if (new Set(ids).size !== ids.length) return null;
    if (ids.length === 0) {
      // `$all: []` matches nothing: no order to change, so the menu is fine as is if it is empty.
      const doc = await this.model
        .findById(vendorId)
        .session(session ?? null)
        .lean<MenuDocument>()
        .exec();
      const menu = doc ? toRecord(doc) : { vendorId, categories: [], items: [] };
      return menu.categories.length === 0 ? menu : null;
    }
    // Matches only while the menu has exactly these categories; the pipeline then rebuilds the array
    // in the order of `ids` from the stored categories. `$literal` keeps ids from being read as
    // expressions.
    const doc = await this.model
      .findOneAndUpdate(
        { _id: vendorId, categories: { $size: ids.length }, "categories._id": { $all: [...ids] } },
        [
          {
            $set: {
              categories: {
                $map: {
                  input: { $literal: [...ids] },
                  as: "id",
                  in: {
                    $arrayElemAt: [
                      { $filter: { input: "$categories", cond: { $eq: ["$$this._id", "$$id"] } } },
                      0,
                    ],
                  },
                },
              },
            },
          },
        ],
        { returnDocument: "after", updatePipeline: true, session },
      )
      .lean<MenuDocument>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async insertItem(
    item: MenuItemRecord,
    maxItems: number,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null> {
    return this.outbox.record(async (session) => {
      const doc = await this.model
        .findOneAndUpdate(
          {
            _id: item.vendorId,
            "categories._id": item.categoryId,
            [`items.${maxItems - 1}`]: { $exists: false },
          },
          { $push: { items: itemDocument(item) } },
          { returnDocument: "after", session },
        )
        .lean<MenuDocument>()
        .exec();
      if (doc) return toRecord(doc);
      // Nothing matched: say why. The category's absence wins, as it would have been checked first.
      const hasCategory = await this.model
        .exists({ _id: item.vendorId, "categories._id": item.categoryId })
        .session(session ?? null);
      if (!hasCategory) return null;
      throw new MenuLimitError("items", maxItems);
    }, announce);
  }

  async updateItem(
    vendorId: string,
    id: string,
    changes: MenuItemChanges,
    at: Date,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null> {
    const set: Record<string, unknown> = { "items.$[item].updatedAt": at };
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) set[`items.$[item].${field}`] = value;
    }
    const filter: Record<string, unknown> = { _id: vendorId, "items._id": id };
    // A move to another category happens only if the vendor has it, in the same write.
    if (changes.categoryId !== undefined) filter["categories._id"] = changes.categoryId;
    return this.outbox.record(async (session) => {
      const doc = await this.model
        .findOneAndUpdate(
          filter,
          { $set: set },
          { returnDocument: "after", arrayFilters: [{ "item._id": id }], session },
        )
        .lean<MenuDocument>()
        .exec();
      if (doc) return toRecord(doc);
      if (changes.categoryId === undefined) return null;
      const hasItem = await this.model.exists({ _id: vendorId, "items._id": id }).session(session ?? null);
      if (!hasItem) return null;
      throw new UnknownMenuCategoryError(changes.categoryId);
    }, announce);
  }

  async deleteItem(
    vendorId: string,
    id: string,
    announce?: Announce<MenuRecord | null>,
  ): Promise<MenuRecord | null> {
    return this.outbox.record(async (session) => {
      const doc = await this.model
        .findOneAndUpdate(
          { _id: vendorId, "items._id": id },
          { $pull: { items: { _id: id } } },
          { returnDocument: "after", session },
        )
        .lean<MenuDocument>()
        .exec();
      return doc ? toRecord(doc) : null;
    }, announce);
  }

  async replace(menu: MenuRecord, announce?: Announce<MenuRecord>): Promise<MenuRecord> {
    const doc: MenuDocument = {
      _id: menu.vendorId,
      categories: [...menu.categories]
        .sort((a, b) => a.position - b.position)
        .map(({ id, name, createdAt, updatedAt }) => ({ _id: id, name, createdAt, updatedAt })),
      items: menu.items.map(itemDocument),
    };
    return this.outbox.record(async (session) => {
      await this.model.replaceOne({ _id: menu.vendorId }, doc, { upsert: true, session }).exec();
      return toRecord(doc);
    }, announce);
  }
}
