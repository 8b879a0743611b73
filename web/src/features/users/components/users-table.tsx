import { foldVietnamese, ROLE_VALUES } from '@tannha/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Badge, EmptyState } from '@/components/ui/feedback';
import { SearchField } from '@/components/ui/search-field';
import { TableHead } from '@/components/ui/table-head';
import { cx } from '@/lib/cx';

import type { User } from '../api/get-users.api';
import styles from './users-table.module.css';

export type UsersTableProps = {
  users: readonly User[];
};

/** Staff accounts with a filter that ignores diacritics, as every search in the product does. */
export function UsersTable({ users }: UsersTableProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const folded = foldVietnamese(filter);

  const sorted = useMemo(() => [...users].sort(byRoleThenUsername), [users]);
  const shown = useMemo(() => {
    if (!folded) return sorted;
    return sorted.filter((user) =>
      foldVietnamese(`${user.fullName} ${user.username} ${user.unitName}`).includes(folded),
    );
  }, [sorted, folded]);

  if (users.length === 0) return <EmptyState title={t('admin.empty')} headingLevel={3} />;

  return (
    <div>
      <div className={styles.toolbar}>
        <SearchField
          className={styles.filter}
          label={t('admin.filterLabel')}
          value={filter}
          onValueChange={setFilter}
          placeholder={t('admin.filterPlaceholder')}
        />
        <p className={styles.count} role="status">
          {folded
            ? t('admin.filteredCount', { shown: shown.length, total: users.length })
            : t('admin.userCount', { count: users.length })}
        </p>
      </div>
      {shown.length === 0 ? (
        <EmptyState title={t('admin.noMatch', { query: filter.trim() })} headingLevel={3} />
      ) : (
        <div className={styles.scroller}>
          <table className={styles.table}>
            <TableHead
              scope="col"
              columns={[
                t('admin.fullName'),
                t('admin.username'),
                t('admin.role'),
                t('admin.unit'),
                t('admin.status'),
              ]}
            />
            <tbody>
              {shown.map((user) => (
                <tr key={user.id} className={cx(user.disabled && styles.isDisabled)}>
                  <th scope="row">{user.fullName}</th>
                  <td className={styles.username}>{user.username}</td>
                  <td>{t(`roles.${user.role}`)}</td>
                  <td>{user.unitName}</td>
                  <td>
                    {user.disabled ? (
                      <Badge tone="neutral">{t('admin.disabled')}</Badge>
                    ) : (
                      <Badge tone="success">{t('admin.active')}</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

const usernameOrder = new Intl.Collator('vi', { numeric: true });

/** Desk roles first as the product lists them, and `courier2` before `courier10`. */
function byRoleThenUsername(a: User, b: User): number {
  return (
    ROLE_VALUES.indexOf(a.role) - ROLE_VALUES.indexOf(b.role) ||
    usernameOrder.compare(a.username, b.username)
  );
}
