package dev.heapdelta.app.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Asks a Node inspector for its debugging targets ({@code GET /json/list}) and picks the WebSocket to use. */
final class InspectorTargets {
    private static final JsonFactory JSON = new JsonFactory();

    private InspectorTargets() {
    }

    /** The WebSocket URI of the first target, re-pointed at the endpoint that answered (a port-forward, a tunnel). */
    static URI webSocketUri(InspectorEndpoint endpoint, HttpClient client, Duration timeout, CaptureListener listener)
            throws CaptureException {
        URI list = endpoint.httpUri("/json/list");
        listener.commandStarted("GET " + list);
        String body;
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(list).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new CaptureException("the inspector at " + endpoint + " answered " + list + " with HTTP "
                        + response.statusCode());
            }
            body = response.body();
        } catch (IOException e) {
            throw new CaptureException("no Node inspector answers at " + endpoint + " (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + "). Start"
                    + " the process with --inspect=" + endpoint + ", or send it SIGUSR1 to open the inspector on"
                    + " 127.0.0.1:9229", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureException("interrupted while asking " + list, e);
        }
        List<String> urls = webSocketUrls(body);
        if (urls.isEmpty()) {
            throw new CaptureException("the inspector at " + endpoint + " lists no debugging target with a"
                    + " webSocketDebuggerUrl (is a DevTools window already attached?)");
        }
        if (urls.size() > 1) {
            listener.note("the inspector lists " + urls.size() + " targets; using the first, " + urls.get(0));
        }
        URI reported = URI.create(urls.get(0));
        return endpoint.webSocketUri(reported.getRawPath());
    }

    static List<String> webSocketUrls(String body) throws CaptureException {
        List<String> urls = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new CaptureException("the inspector's /json/list is not a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("webSocketDebuggerUrl".equals(field) && value == JsonToken.VALUE_STRING) {
                        urls.add(parser.getText());
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            throw new CaptureException("the inspector's /json/list is not valid JSON: " + e.getMessage(), e);
        }
        return urls;
    }
}
