// The token creator: a room name, a server location and a validity window in; the moderator's link out.
'use strict';

(function () {
    const TWO_WEEKS = 14 * 24 * 3600 * 1000;
    const form = document.getElementById('room-form');
    const message = document.getElementById('message');
    const create = document.getElementById('create');
    const fields = {room: 'room', server: 'server', nbf: 'notBefore', exp: 'expires'};

    const now = new Date();
    Pages.setLocal(document.getElementById('notBefore'), now);
    Pages.setLocal(document.getElementById('expires'), new Date(now.getTime() + TWO_WEEKS));
    Pages.copyButton(document.getElementById('copy-moderator-link'), document.getElementById('moderator-link'),
        document.getElementById('copy-status'));

    form.addEventListener('submit', async event => {
        event.preventDefault();
        create.disabled = true;
        Pages.say(message, 'Creating the stream and the room…', '');
        try {
            const room = await Pages.post('rooms', {
                room: document.getElementById('room').value.trim(),
                server: document.getElementById('server').value,
                nbf: Pages.instant(document.getElementById('notBefore')),
                exp: Pages.instant(document.getElementById('expires'))
            });
            Pages.markField(form, {}, fields);
            show(room);
            Pages.say(message, 'Room ' + room.room + ' created.', 'ok');
        } catch (failure) {
            document.getElementById('result').hidden = true;
            Pages.say(message, failure.message, 'error');
            Pages.markField(form, failure, fields);
        } finally {
            create.disabled = false;
        }
    });

    function show(room) {
        document.getElementById('result-room').textContent = room.room;
        document.getElementById('moderator-link').value = room.link;
        document.getElementById('open-meeting').href = room.link;
        document.getElementById('result-server').textContent = room.server;
        document.getElementById('result-notBefore').textContent = room.notBefore;
        document.getElementById('result-expires').textContent = room.expires;
        document.getElementById('stream-id').textContent = room.stream.id;
        document.getElementById('stream-name').textContent = room.stream.streamname;
        document.getElementById('stream-playouts').textContent = room.stream.playouts.join(', ');
        Pages.link(document.getElementById('stream-dashboard'), room.stream.dashboard);
        document.getElementById('copy-status').textContent = '';
        document.getElementById('result').hidden = false;
    }
})();
