package dev.nanomeet.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the number of scheduled meetings; DOWN when the timer store cannot be reached. */
@Readiness
@ApplicationScoped
public class ScheduleReadinessCheck implements HealthCheck {

    @Inject
    MeetingScheduler scheduler;

    @Inject
    SlotStore store;

    @Override
    public HealthCheckResponse call() {
        try {
            int meetings = scheduler.scheduled().size();
            boolean reachable = store.reachable();
            return HealthCheckResponse.named("nanomeet-schedule").status(reachable)
                    .withData("scheduledMeetings", meetings)
                    .withData("store", reachable ? "reachable" : "unreachable")
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("nanomeet-schedule").down()
                    .withData("store", "unreachable: " + e.getClass().getSimpleName())
                    .build();
        }
    }
}
