// The meeting page: a token opens the embedded meeting; a moderator also invites and broadcasts.
'use strict';

(function () {
    const token = new URLSearchParams(location.search).get('token');
    const message = document.getElementById('message');
    const POLL_MS = 1000;
    const POLLS = 30;
    const STATES = {
        NONE: 'Not broadcasting.',
        ACCEPTED: 'Broadcast starting: the recorder took the request.',
        RUNNING: 'Broadcasting.',
        STOPPED: 'Broadcast stopped.',
        FAILED: 'The broadcast failed'
    };
    let polling = 0;

    if (!token) {
        Pages.say(message, 'Open this page with ?token= and a nanoMeet token, as an invite link does.', 'error');
        return;
    }
    open();

    async function open() {
        let embed;
        try {
            embed = await Pages.post('embeds', {token: token});
        } catch (failure) {
            Pages.say(message, 'This meeting cannot open: ' + failure.message, 'error');
            return;
        }
        document.getElementById('title').textContent = 'Room ' + embed.room;
        document.getElementById('who').textContent = 'You join as ' + (embed.moderator ? 'moderator' : 'participant')
            + ' on ' + embed.server + ', valid from ' + embed.notBefore + ' until ' + embed.expires + '.';
        const meeting = document.getElementById('meeting');
        meeting.hidden = false;
        meeting.addEventListener('nanomeet:embed', event => {
            const status = document.getElementById('embed-status');
            if (event.detail.error) {
                Pages.say(status, 'The meeting could not open: ' + event.detail.error, 'error');
            } else {
                Pages.say(status, 'The meeting is open.', 'ok');
            }
        });
        // A fragment made from the snippet runs its scripts once in the page.
        meeting.appendChild(document.createRange().createContextualFragment(embed.html));
        if (embed.moderator) {
            moderatorTools();
        }
    }

    function moderatorTools() {
        document.getElementById('invite').hidden = false;
        document.getElementById('broadcast').hidden = false;
        const inviteForm = document.getElementById('invite-form');
        const inviteMessage = document.getElementById('invite-message');
        const fields = {nbf: 'invite-notBefore', exp: 'invite-expires', moderator: 'invite-moderator'};
        Pages.copyButton(document.getElementById('copy-invite-link'), document.getElementById('invite-link'),
            document.getElementById('copy-status'));

        inviteForm.addEventListener('submit', async event => {
            event.preventDefault();
            const button = document.getElementById('create-invite');
            button.disabled = true;
            try {
                const invite = await Pages.post('invites', {
                    token: token,
                    moderator: document.getElementById('invite-moderator').checked,
                    nbf: Pages.instant(document.getElementById('invite-notBefore')),
                    exp: Pages.instant(document.getElementById('invite-expires'))
                });
                Pages.markField(inviteForm, {}, fields);
                document.getElementById('invite-link').value = invite.inviteLink;
                document.getElementById('invite-role').textContent = invite.moderator ? 'moderator' : 'participant';
                document.getElementById('invite-window').textContent = 'Valid from ' + invite.notBefore + ' until '
                    + invite.expires + '.';
                document.getElementById('copy-status').textContent = '';
                document.getElementById('invite-result').hidden = false;
                Pages.say(inviteMessage, 'Invite created.', 'ok');
            } catch (failure) {
                document.getElementById('invite-result').hidden = true;
                Pages.say(inviteMessage, failure.message, 'error');
                Pages.markField(inviteForm, failure, fields);
            } finally {
                button.disabled = false;
            }
        });

        document.getElementById('start-broadcast').addEventListener('click', () => broadcastCall('broadcasts/start',
            {token: token, record: document.getElementById('record').checked}));
        document.getElementById('stop-broadcast').addEventListener('click', () => broadcastCall('broadcasts/stop',
            {token: token}));
        Pages.post('broadcasts/status', {token: token}).then(showBroadcast, () => {});
    }

    async function broadcastCall(path, body) {
        const start = document.getElementById('start-broadcast');
        const stop = document.getElementById('stop-broadcast');
        start.disabled = stop.disabled = true;
        try {
            const broadcast = await Pages.post(path, body);
            showBroadcast(broadcast);
            if (broadcast.state === 'ACCEPTED') {
                poll(++polling, POLLS);
            }
        } catch (failure) {
            Pages.say(document.getElementById('broadcast-message'), failure.message, 'error');
        } finally {
            start.disabled = stop.disabled = false;
        }
    }

    /** Reads the state until the recorder runs the broadcast or gives up; a newer call ends an older poll. */
    function poll(round, left) {
        setTimeout(async () => {
            if (round !== polling || left === 0) {
                return;
            }
            try {
                const broadcast = await Pages.post('broadcasts/status', {token: token});
                showBroadcast(broadcast);
                if (broadcast.state === 'ACCEPTED') {
                    poll(round, left - 1);
                }
            } catch (failure) {
                Pages.say(document.getElementById('broadcast-message'), failure.message, 'error');
            }
        }, POLL_MS);
    }

    function showBroadcast(broadcast) {
        let text = STATES[broadcast.state] || broadcast.state;
        if (broadcast.state === 'FAILED') {
            text += broadcast.reason ? ': ' + broadcast.reason : '.';
        }
        if (broadcast.record && broadcast.vod) {
            text += ' Recorded for VOD.';
        }
        Pages.say(document.getElementById('broadcast-message'), text, broadcast.state === 'FAILED' ? 'error' : '');
        Pages.link(document.getElementById('live-link'), broadcast.live);
        Pages.link(document.getElementById('vod-link'), broadcast.vod);
    }
})();
