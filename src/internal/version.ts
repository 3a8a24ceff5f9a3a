/**
 * The version of this copy of vc-phone, named in the warning when two copies define the same tag
 * (a test keeps it equal to package.json's `version`).
 */
export const VERSION = '0.1.0';
