// set-action-thresholds: sets the caller's key-management threshold, then its deployment
// threshold (in that order, so that raising both never passes through deployment >
// key management). Needs the deploy's keys to reach the current key-management threshold.
//
// Args:    deployment_threshold: u8, key_management_threshold: u8
// Changes: the caller's action thresholds.
// Errors:  MissingArgument (2), InvalidArgument (3), PermissionDenied (23),
//          KeyManagementThreshold (26), DeploymentThreshold (27), InsufficientTotalWeight (28).
// Mirrors the Casper docs' multi-sig `update_thresholds` session (casper-ecosystem multi-sig,
// contracts/update_thresholds), the same calls as casper-node contracts/test/set-action-thresholds.

import { account, runtime } from '../assembly';

const ARG_DEPLOYMENT_THRESHOLD = 'deployment_threshold';
const ARG_KEY_MANAGEMENT_THRESHOLD = 'key_management_threshold';

/** Session entry point. */
export function call(): void {
  const deploymentThreshold = runtime.getNamedArg<u8>(ARG_DEPLOYMENT_THRESHOLD);
  const keyManagementThreshold = runtime.getNamedArg<u8>(ARG_KEY_MANAGEMENT_THRESHOLD);
  account.setActionThresholdOrRevert(account.ActionType.KeyManagement, keyManagementThreshold);
  account.setActionThresholdOrRevert(account.ActionType.Deployment, deploymentThreshold);
}
