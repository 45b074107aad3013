package io.billingnow.platform.identity.users;

/**
 * Who an identity provider says signed in. (issuer, subject) is the identity; the email is only a contact address,
 * trusted for matching invitations when the provider vouches for it ({@code emailVerified}).
 */
public record Identity(String issuer, String subject, String email, boolean emailVerified, String displayName) {
}
