package com.moviepeople;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MoviePeopleApplication {

    public static void main(String[] args) {
        SpringApplication.run(MoviePeopleApplication.class, args);
    }
}
