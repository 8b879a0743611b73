import { z } from 'zod';

import { MAX_VND } from './money-format';

// The pure helpers live apart from zod so a screen that only formats money does not load it.
export * from './money-format';

/**
 * An amount of money in VND as a request carries it: a whole, non-negative number of đồng,
 * at most `MAX_VND` (10¹²).
 */
export const VndAmountSchema = z
  .number({ error: 'Số tiền phải là một số (amount must be a number)' })
  .int({ error: 'Số tiền phải là số nguyên đồng (amount must be whole VND)' })
  .nonnegative({ error: 'Số tiền không được âm (amount must not be negative)' })
  .max(MAX_VND, {
    error: 'Số tiền quá lớn, tối đa 1.000.000.000.000 ₫ (amount too large, at most 10¹² VND)',
  });
