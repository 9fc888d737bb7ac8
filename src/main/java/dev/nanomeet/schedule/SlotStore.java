package dev.nanomeet.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers which slots have run, in the same database as the timers ({@code java:comp/DefaultDataSource}), so that
 * a slot runs once even when several servers share the schedule or a timer fires again after a restart.
 */
@ApplicationScoped
public class SlotStore {

    private static final Logger LOG = Logger.getLogger(SlotStore.class.getName());
    private static final String TABLE = "NANOMEET_SLOT_RUN";
    private static final String DUPLICATE_KEY = "23505";
    private static final int MAX_DETAIL = 1000;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @PostConstruct
    void createTable() {
        try (Connection connection = dataSource.getConnection()) {
            if (tableExists(connection)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE " + TABLE + " (SLOT_KEY VARCHAR(200) NOT NULL PRIMARY KEY, "
                        + "MEETING_ID VARCHAR(64) NOT NULL, KIND VARCHAR(8) NOT NULL, STATE VARCHAR(16) NOT NULL, "
                        + "RECORDER VARCHAR(500), RAN_AT TIMESTAMP NOT NULL, DETAIL VARCHAR(" + MAX_DETAIL + "))");
            }
            LOG.info(() -> "Created the table " + TABLE + " of run schedule slots");
        } catch (SQLException e) {
            if (!"X0Y32".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                throw new IllegalStateException("Could not prepare the schedule store (" + TABLE + "): "
                        + e.getMessage(), e);
            }
        }
    }

    /** Claims a slot before it runs; false when it has been claimed before (it ran, here or elsewhere). */
    public boolean claim(Slot slot) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                        + " (SLOT_KEY, MEETING_ID, KIND, STATE, RAN_AT) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, slot.key());
            insert.setString(2, slot.meetingId());
            insert.setString(3, slot.kind().name());
            insert.setString(4, SlotRun.State.DONE.name());
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("Could not claim schedule slot " + slot.key() + ": " + e.getMessage(), e);
        }
    }

    /** Records how a claimed slot ended. */
    public void finish(Slot slot, SlotRun.State state, String recorder, String detail) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                        + " SET STATE = ?, RECORDER = ?, DETAIL = ? WHERE SLOT_KEY = ?")) {
            update.setString(1, state.name());
            update.setString(2, recorder);
            update.setString(3, detail == null || detail.length() <= MAX_DETAIL ? detail
                    : detail.substring(0, MAX_DETAIL));
            update.setString(4, slot.key());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record schedule slot " + slot.key() + ": " + e.getMessage(), e);
        }
    }

    /** The runs of a meeting's slots, oldest first. */
    public List<SlotRun> runs(String meetingId) {
        List<SlotRun> runs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT SLOT_KEY, KIND, STATE, RECORDER, "
                        + "RAN_AT, DETAIL FROM " + TABLE + " WHERE MEETING_ID = ? ORDER BY RAN_AT")) {
            query.setString(1, meetingId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.add(new SlotRun(rows.getString(1), meetingId, null, Slot.Kind.valueOf(rows.getString(2)),
                            SlotRun.State.valueOf(rows.getString(3)), rows.getString(4),
                            rows.getTimestamp(5).toInstant(), rows.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the runs of meeting " + meetingId + ": " + e.getMessage(),
                    e);
        }
        return runs;
    }

    /** The recorder the meeting's start ran on, if it ran. */
    public Optional<String> startRecorder(String meetingId) {
        return runs(meetingId).stream().filter(run -> run.kind() == Slot.Kind.START && run.recorder() != null)
                .map(SlotRun::recorder).findFirst();
    }

    /** Whether the store answers. */
    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean tableExists(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, TABLE, null)) {
            if (tables.next()) {
                return true;
            }
        }
        try (ResultSet tables = connection.getMetaData().getTables(null, null, TABLE.toLowerCase(), null)) {
            return tables.next();
        }
    }
}
