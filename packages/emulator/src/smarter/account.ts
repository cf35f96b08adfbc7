// The user and account a key stands for (what whoami tells, and the `username`/`accountNumber`
// other answers carry). The emulator has one user per account.
import type { Account } from './env';

export const usernameOf = (account: Account): string => `user_${account.id.replace(/^acct_/, '').slice(0, 8)}`;

/** The first time any account was seen: a fixed instant, so answers are stable. */
const EPOCH = '2026-01-01T00:00:00.000Z';

export function whoamiOf(account: Account): Record<string, unknown> {
  const username = usernameOf(account);
  return {
    user: { id: account.index, username, firstName: 'Emulator', lastName: `User ${account.index}`, email: `${username}@example.com`, isStaff: false, isSuperuser: false },
    account: {
      id: account.index,
      createdAt: EPOCH,
      updatedAt: EPOCH,
      accountNumber: account.number,
      isDefaultAccount: false,
      companyName: `Emulator account ${account.index}`,
      phoneNumber: null,
      address1: null,
      address2: null,
      city: null,
      state: null,
      postalCode: null,
      country: 'US',
      language: 'en-US',
      timezone: 'UTC',
      currency: 'USD',
      isActive: true,
    },
    environment: 'local',
  };
}
