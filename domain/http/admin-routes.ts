/** Administration: devices, TOTP enrolment, agencies, sharing agreements. */

export const adminRoutes = {} as const;
