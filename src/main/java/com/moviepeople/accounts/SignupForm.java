package com.moviepeople.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The sign-up form. Username rules (characters, reserved names, uniqueness) need more than an
 * annotation and are checked by {@link AccountService}.
 */
record SignupForm(
        String username,

        @NotBlank(message = "Enter your e-mail address.")
        @Size(max = 254, message = "E-mail addresses are at most 254 characters.")
        @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "Enter a valid e-mail address, like name@example.com.")
        String email,

        @NotBlank(message = "Choose a password.")
        @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH,
                message = "Passwords are " + PasswordRules.MIN_LENGTH + " to " + PasswordRules.MAX_LENGTH + " characters long.")
        String password,

        @NotBlank(message = "Tell people your name.")
        @Size(max = 80, message = "Names are at most 80 characters.")
        String displayName) {

    /** Whitespace around names and addresses is never meant; the password is taken as typed. */
    SignupForm {
        username = username == null ? "" : username.strip();
        email = email == null ? "" : email.strip();
        password = password == null ? "" : password;
        displayName = displayName == null ? "" : displayName.strip();
    }

    static SignupForm empty() {
        return new SignupForm("", "", "", "");
    }

    /** The form as shown again after an error: the password is never sent back to the browser. */
    SignupForm withoutPassword() {
        return new SignupForm(username, email, "", displayName);
    }
}
