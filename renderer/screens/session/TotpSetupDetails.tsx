/** What a person needs to add Casebridge to an authenticator app: the steps, the QR code and the secret as text. */
import { TotpQrCode } from './TotpQrCode.tsx';
import styles from './TotpSetup.module.css';

/** Groups the secret in fours so it is easier to type. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The set-up instructions for one secret; shown only while the set-up lasts. */
export function TotpSetupDetails({ secret, otpauthUri }: { secret: string; otpauthUri: string }) {
  return (
    <>
      <ol className={styles.steps}>
        <li>Open an authenticator app on your phone.</li>
        <li>Scan this QR code, or type the key below into the app.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <TotpQrCode uri={otpauthUri} label="QR code for setting up your authenticator app" />
      <p>Key to type in if you cannot scan:</p>
      <p className={styles.secret} data-testid="totp-secret">
        {grouped(secret)}
      </p>
    </>
  );
}
