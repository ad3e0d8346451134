package example;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerPortFileWriter;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** A backend that drives conferences: the client is injected, configured by application.yml and the command line. */
@SpringBootApplication
@RestController
public class ConferenceApplication {
    private final WebexSimpleApi webex;

    public ConferenceApplication(WebexSimpleApi webex) {
        this.webex = webex;
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ConferenceApplication.class);
        // writes application.port into the working directory, so whoever started the app finds its random port
        application.addListeners(new WebServerPortFileWriter());
        application.run(args);
    }

    /** start, mute, details, release. */
    @PostMapping("/conference")
    public Map<String, Object> conference(@RequestParam String first, @RequestParam String second) {
        ConferenceControlsApi conference = webex.telephony().conference();
        conference.startConference(first, second);
        conference.mute(first);
        ConferenceDetails details = conference.getConferenceDetails().orElseThrow();
        conference.releaseConference();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("state", details.stateAsString());
        result.put("participants", details.participants().size());
        result.put("mutedParticipants", details.participants().stream().filter(p -> Boolean.TRUE.equals(p.muted()))
                .count());
        result.put("released", conference.getConferenceDetails().isEmpty());
        return result;
    }
}
