export { IdentityIntegrityError } from './identity-crypto';
export { IdentityVault, type Erasure, type IdentityStatus } from './identity-vault';
export { MasterKeyUnavailableError } from './master-keyring';
export { rotateMasterKey, type RotationOptions, type RotationProgress } from './key-rotation';
