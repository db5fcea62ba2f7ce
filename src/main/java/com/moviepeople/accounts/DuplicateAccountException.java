package com.moviepeople.accounts;

/** Sign-up lost a race (or a check) on a unique username or e-mail address. */
class DuplicateAccountException extends RuntimeException {

    private final String field;

    DuplicateAccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
