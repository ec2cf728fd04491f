/**
 * The form an email is stored and looked up in: accounts and permission grants follow a person
 * whatever the case (and stray spaces) of the address they typed.
 */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
