import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { Unit } from '@tannha/shared';
import { buildUnitTree, type UnitNode } from '../utils/build-unit-tree';
import styles from './unit-tree.module.css';

export type UnitTreeProps = {
  units: readonly Unit[];
  /** Accessible name of the list. */
  label: string;
};

/** The unit hierarchy as nested lists, which screen readers announce with their depth. */
export function UnitTree({ units, label }: UnitTreeProps) {
  const roots = useMemo(() => buildUnitTree(units), [units]);
  return (
    <ul className={styles.tree} aria-label={label}>
      {roots.map((node) => (
        <UnitTreeItem key={node.id} node={node} />
      ))}
    </ul>
  );
}

function UnitTreeItem({ node }: { node: UnitNode }) {
  const { t } = useTranslation();
  return (
    <li className={styles.item}>
      <div className={styles.node}>
        <span className={styles.name}>{node.name}</span>
        <span className={styles.code}>
          <span className="visually-hidden">{t('units.code')}: </span>
          {node.code}
        </span>
        {node.address && (
          <span className={styles.address}>
            <span className="visually-hidden">{t('units.address')}: </span>
            {node.address}
          </span>
        )}
      </div>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <UnitTreeItem key={child.id} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}
