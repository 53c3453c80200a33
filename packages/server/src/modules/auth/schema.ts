// Schemas of the sign-in, session, two-factor, password-reset and invitation routes.
import { Type } from 'typebox';

const Email = Type.String({ format: 'email', maxLength: 320 });
const Password = Type.String({ minLength: 1, maxLength: 1000 });
const Token = Type.String({ minLength: 10, maxLength: 200 });

export const SignInBody = Type.Object({
  email: Email,
  password: Password,
  code: Type.Optional(Type.String({ minLength: 6, maxLength: 40, description: 'A TOTP code or a recovery code' })),
  workspace: Type.Optional(Type.String({ maxLength: 100, description: 'Slug or id of the workspace to open' })),
}, { additionalProperties: false });

export const SignUpBody = Type.Object({
  email: Email,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  password: Password,
  workspaceName: Type.String({ minLength: 1, maxLength: 200 }),
  workspaceSlug: Type.String({ minLength: 1, maxLength: 50 }),
  defaultCurrency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
}, { additionalProperties: false });

export const SwitchBody = Type.Object({ workspace: Type.String({ minLength: 1, maxLength: 100, description: 'Slug or id' }) }, { additionalProperties: false });
export const CodeBody = Type.Object({ code: Type.String({ minLength: 6, maxLength: 40 }) }, { additionalProperties: false });
export const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetBody = Type.Object({ token: Token, password: Password }, { additionalProperties: false });
export const TokenParams = Type.Object({ token: Token }, { additionalProperties: false });
export const AcceptBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  password: Type.Optional(Password),
}, { additionalProperties: false });
