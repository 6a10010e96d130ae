"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { createProduct, deactivateProduct, reactivateProduct, updateProduct } from "@/lib/products/mutations/manage-products";
import { ZCreateProductInput, ZProductIdInput, ZUpdateProductInput } from "@/lib/products/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// "products.manage" says a bank user may manage products at all; which ones (its bank's,
// and its branches' for a parent bank) the mutations decide in their where.

function revalidateCatalogue(productId?: string) {
  revalidatePath("/products");
  revalidatePath("/products/manage");
  if (productId) revalidatePath(`/products/${productId}`);
}

export const createProductAction = defineAction({
  name: "products.create",
  policy: "products.manage",
  schema: ZCreateProductInput,
  async handler({ input, user }) {
    const created = await createProduct(db(), user, input, await requestMeta());
    revalidateCatalogue(created.productId);
    return created;
  },
});

export const updateProductAction = defineAction({
  name: "products.update",
  policy: "products.manage",
  schema: ZUpdateProductInput,
  async handler({ input, user }) {
    await updateProduct(db(), user, input, await requestMeta());
    revalidateCatalogue(input.productId);
    return { productId: input.productId };
  },
});

export const deactivateProductAction = defineAction({
  name: "products.deactivate",
  policy: "products.manage",
  schema: ZProductIdInput,
  async handler({ input, user }) {
    await deactivateProduct(db(), user, input.productId, await requestMeta());
    revalidateCatalogue(input.productId);
    return { productId: input.productId, active: false };
  },
});

export const reactivateProductAction = defineAction({
  name: "products.reactivate",
  policy: "products.manage",
  schema: ZProductIdInput,
  async handler({ input, user }) {
    await reactivateProduct(db(), user, input.productId, await requestMeta());
    revalidateCatalogue(input.productId);
    return { productId: input.productId, active: true };
  },
});
