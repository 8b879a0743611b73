import s from './agency-handover.module.css';

/** One party signing a record: the heading of its box, its name and its signature (if kept). */
export type SigningParty = {
  title: string;
  name: string;
  /** The stored signature image; the courier signs the printed copy by hand. */
  signature?: { id: string; alt: string } | undefined;
};

/** The two signature boxes at the foot of a printed record, in the order given. */
export function RecordSignatures({ parties }: { parties: readonly [SigningParty, SigningParty] }) {
  return (
    <div className={s.signatures}>
      {parties.map((p) => (
        <div key={p.title}>
          <p>
            <strong>{p.title}</strong>
          </p>
          <div className={s.signatureBox}>
            {p.signature && (
              <img src={`/api/documents/${p.signature.id}/content`} alt={p.signature.alt} />
            )}
          </div>
          <p>{p.name}</p>
        </div>
      ))}
    </div>
  );
}
