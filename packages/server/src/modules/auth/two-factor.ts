// TOTP two-factor (RFC 6238, via otplib): enrol (secret + otpauth URI + QR code), confirm with a
// first code (which turns it on and returns ten one-time recovery codes, stored hashed), verify
// at sign-in with a code or a recovery code, and turn off.
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { BusinessRule, Unauthorized } from '../../errors.js';
import { hashToken, sameDigest } from './tokens.js';
import type { UserRow, UserService } from './users.js';

const ISSUER = 'Rapport';
const RECOVERY_CODES = 10;
/** Codes of the previous and next 30-second step are accepted, for clocks that drift. */
const TOLERANCE_SECONDS = 30;

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  /** The URI as a QR code, a data: URL of a PNG, for authenticator apps to scan. */
  qrCode: string;
}

function recoveryCode(): string {
  const text = randomBytes(8).toString('hex');
  return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8, 12)}-${text.slice(12)}`;
}

export class TwoFactorService {
  constructor(private readonly users: UserService) {}

  /** Starts enrolment: a new secret, not yet active until `confirm`. */
  async enrol(user: UserRow): Promise<Enrolment> {
    if (user.totpEnabledAt) throw new BusinessRule('two-factor sign-in is already on; turn it off first to enrol a new device');
    const secret = generateSecret();
    await this.users.setTwoFactor(user.id, { secret, enabledAt: null, recoveryCodes: null });
    const otpauthUri = generateURI({ issuer: ISSUER, label: user.email, secret });
    return { secret, otpauthUri, qrCode: await QRCode.toDataURL(otpauthUri) };
  }

  /** Turns two-factor on once the user proves their app has the secret; returns recovery codes (shown once). */
  async confirm(user: UserRow, code: string): Promise<{ recoveryCodes: string[] }> {
    if (user.totpEnabledAt) throw new BusinessRule('two-factor sign-in is already on');
    if (!user.totpSecret) throw new BusinessRule('start enrolment first: POST /api/v1/auth/two-factor/enrol');
    if (!(await this.#codeMatches(user.totpSecret, code))) throw new Unauthorized('the code does not match; check the time on your device and try the next code');
    const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
    await this.users.setTwoFactor(user.id, { secret: user.totpSecret, enabledAt: new Date().toISOString(), recoveryCodes: codes.map((c) => hashToken(c)) });
    return { recoveryCodes: codes };
  }

  async disable(user: UserRow): Promise<void> {
    await this.users.setTwoFactor(user.id, { secret: null, enabledAt: null, recoveryCodes: null });
  }

  /**
   * Checks a sign-in's second factor: a current code, or an unused recovery code (used up).
   * @returns 'code', 'recoveryCode', or false
   */
  async check(user: UserRow, code: string): Promise<'code' | 'recoveryCode' | false> {
    if (!user.totpSecret || !user.totpEnabledAt) return false;
    const trimmed = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(trimmed)) return (await this.#codeMatches(user.totpSecret, trimmed)) ? 'code' : false;
    const digest = hashToken(trimmed.toLowerCase());
    const match = user.recoveryCodes.find((stored) => sameDigest(stored, digest));
    if (!match) return false;
    await this.users.setTwoFactor(user.id, { secret: user.totpSecret, enabledAt: user.totpEnabledAt, recoveryCodes: user.recoveryCodes.filter((stored) => stored !== match) });
    return 'recoveryCode';
  }

  async #codeMatches(secret: string, code: string): Promise<boolean> {
    if (!/^\d{6}$/.test(code)) return false;
    const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS });
    return result.valid;
  }
}
