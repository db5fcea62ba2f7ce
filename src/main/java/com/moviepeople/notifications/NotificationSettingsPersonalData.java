package com.moviepeople.notifications;

import com.moviepeople.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** notification-settings.json: how often the member wants e-mails about activity. */
@Component
class NotificationSettingsPersonalData implements PersonalData {

    record NotificationSettings(String emailFrequency) {
    }

    private final JdbcClient jdbc;

    NotificationSettingsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "notification-settings.json";
    }

    @Override
    public String description() {
        return """
                Your notification e-mail setting: emailFrequency (immediately, daily or never).""";
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        // No row means the default, a daily digest (V35).
        out.json(new NotificationSettings(jdbc.sql("""
                        select coalesce((select email_frequency from notification_setting where member_id = :me), 'daily')""")
                .param("me", memberId).query(String.class).single()));
    }
}
