import 'i18next';

import type vi from '../locales/vi.json';

// Typed keys: a misspelt translation key is a compile error, not a blank label in production.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof vi;
      // One line per feature namespace (features/<feature>/locales/vi.json):
      jobs: typeof import('../features/jobs/locales/vi.json');
      dispatch: typeof import('../features/dispatch/locales/vi.json');
      courier: typeof import('../features/courier/locales/vi.json');
      operator: typeof import('../features/operator/locales/vi.json');
      sms: typeof import('../features/sms/locales/vi.json');
      manager: typeof import('../features/manager/locales/vi.json');
      tracking: typeof import('../features/tracking/locales/vi.json');
      admin: typeof import('../features/admin/locales/vi.json');
      plans: typeof import('../features/plans/locales/vi.json');
      account: typeof import('../features/account/locales/vi.json');
      intake: typeof import('../features/intake/locales/vi.json');
    };
  }
}
