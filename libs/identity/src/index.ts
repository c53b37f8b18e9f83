export { IdentityIntegrityError } from './identity-crypto';
export { IdentityVault, type IdentityStatus } from './identity-vault';
