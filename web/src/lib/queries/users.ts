// Staff accounts are listed by the users feature and changed by the admin screens; features
// may not import each other, so the key factory lives here. The fetcher stays in features/users.

/** Query keys for staff accounts; everything lives under `['users']`. */
export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};
