package com.moviepeople.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page handler that shows a form to visitors who are not logged in (login, sign-up,
 * password reset). Only these pages give an anonymous visitor a CSRF token, and so a session;
 * every other anonymous page, probe and static file creates no session and writes nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnonymousForm {
}
