package com.moviepeople.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The small forms of the password pages. Passwords are taken as typed, never trimmed. */
final class PasswordForms {

    private PasswordForms() {
    }

    record ForgotPasswordForm(
            @NotBlank(message = "Enter the e-mail address of your account.")
            @Size(max = 254, message = "E-mail addresses are at most 254 characters.")
            @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "Enter a valid e-mail address, like name@example.com.")
            String email) {

        ForgotPasswordForm {
            email = email == null ? "" : email.strip();
        }
    }

    record ResetPasswordForm(
            @NotBlank(message = "Choose a new password.")
            @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH,
                    message = "Passwords are " + PasswordRules.MIN_LENGTH + " to " + PasswordRules.MAX_LENGTH + " characters long.")
            String password) {
    }

    record ChangeEmailForm(
            @NotBlank(message = "Enter your new e-mail address.")
            @Size(max = 254, message = "E-mail addresses are at most 254 characters.")
            @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "Enter a valid e-mail address, like name@example.com.")
            String email,

            @NotBlank(message = "Enter your password to confirm.")
            @Size(max = PasswordRules.MAX_LENGTH, message = "That is not your password.")
            String password) {

        ChangeEmailForm {
            email = email == null ? "" : email.strip();
        }
    }

    record DeleteAccountForm(
            @NotBlank(message = "Enter your password to confirm.")
            @Size(max = PasswordRules.MAX_LENGTH, message = "That is not your password.")
            String password) {
    }

    record ChangePasswordForm(
            @NotBlank(message = "Enter your current password.")
            @Size(max = PasswordRules.MAX_LENGTH, message = "That is not your current password.")
            String currentPassword,

            @NotBlank(message = "Choose a new password.")
            @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH,
                    message = "Passwords are " + PasswordRules.MIN_LENGTH + " to " + PasswordRules.MAX_LENGTH + " characters long.")
            String newPassword) {
    }
}
