package io.incidenttimeline.api.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** JDBC URLs fit for a log line or an error message: user names and passwords taken out. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    /**
     * The URL without {@code user:password@} and without parameters naming a user or a secret, whether they follow
     * {@code ?} and {@code &} (PostgreSQL) or {@code ;} (H2).
     */
    static String withoutCredentials(String url) {
        if (url == null) {
            return "(unknown location)";
        }
        String withoutUserInfo = url.replaceFirst("(?<=//)[^/?#;@]*@", "");
        int query = withoutUserInfo.indexOf('?');
        String base = query < 0 ? withoutUserInfo : withoutUserInfo.substring(0, query);
        String[] settings = base.split(";");
        String kept = settings[0] + Arrays.stream(settings).skip(1).filter(JdbcUrls::harmless)
                .map(setting -> ";" + setting).collect(Collectors.joining());
        if (query < 0) {
            return kept;
        }
        String parameters = Arrays.stream(withoutUserInfo.substring(query + 1).split("&"))
                .filter(JdbcUrls::harmless).collect(Collectors.joining("&"));
        return parameters.isEmpty() ? kept : kept + "?" + parameters;
    }

    private static boolean harmless(String setting) {
        String name = setting.split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
        return !(name.equals("user") || name.equals("username") || name.contains("password") || name.contains("passwd")
                || name.equals("pwd") || name.contains("secret"));
    }
}
