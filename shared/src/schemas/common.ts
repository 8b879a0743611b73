import { z } from 'zod';

/** A uuid path parameter. */
export const IdParamsSchema = z.object({ id: z.uuid() });
export type IdParams = z.infer<typeof IdParamsSchema>;

/**
 * The paging fields of a list query (`?page=1&pageSize=50`), to spread into the list's own
 * filters; `maxPageSize` caps what one page may ask for.
 */
export const pageQueryShape = (maxPageSize = 200) => ({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(50),
});

/** Page through lists: `?page=1&pageSize=50`. */
export const PageQuerySchema = z.object(pageQueryShape());
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** A list answer without pages: the items and how many there are in all. */
export const itemList = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

/** One page of a list answer (`items`), with the total over all pages and the page asked for. */
export const pagedList = <T extends z.ZodType>(item: T) =>
  itemList(item).extend({ page: z.number().int(), pageSize: z.number().int() });

/** The error body every API error uses. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;
