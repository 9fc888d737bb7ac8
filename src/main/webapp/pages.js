// What both pages share: calls to the module's REST API and the showing of its answers.
'use strict';

const Pages = {
    /** POSTs JSON to the module's API; resolves with the answer, rejects with {message, field}. */
    async post(path, body) {
        let response;
        try {
            response = await fetch('api/pages/' + path, {
                method: 'POST',
                headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
                body: JSON.stringify(body)
            });
        } catch (e) {
            throw {message: 'The server did not answer: ' + e.message};
        }
        let answer;
        try {
            answer = await response.json();
        } catch (e) {
            throw {message: 'The server answered ' + response.status + ' without a readable body'};
        }
        if (!response.ok) {
            throw {message: answer.message || ('The server answered ' + response.status), field: answer.field};
        }
        return answer;
    },

    /** Shows a message in the element; kind is 'error', 'ok' or ''. */
    say(element, text, kind) {
        element.textContent = text;
        element.className = 'message' + (kind ? ' ' + kind : '');
    },

    /** Marks the input a failure names (by field) as invalid and moves the focus to it. */
    markField(form, failure, fields) {
        form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
        const input = failure.field && fields[failure.field] && document.getElementById(fields[failure.field]);
        if (input) {
            input.setAttribute('aria-invalid', 'true');
            input.focus();
        }
    },

    /** The value of a datetime-local input as an ISO-8601 instant; null when empty. */
    instant(input) {
        if (!input.value) {
            return null;
        }
        const date = new Date(input.value);
        return isNaN(date.getTime()) ? input.value : date.toISOString().replace('.000Z', 'Z');
    },

    /** Sets a datetime-local input to an instant, in the browser's time zone, to the minute. */
    setLocal(input, date) {
        const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
        input.value = local.toISOString().slice(0, 16);
    },

    /** Sets a link's text and address; hides it when there is none. */
    link(anchor, href) {
        anchor.hidden = !href;
        anchor.href = href || '#';
        anchor.textContent = href || '';
    },

    /** Copies the value of the input when the button is pressed, and says so in the status element. */
    copyButton(button, input, status) {
        button.addEventListener('click', async () => {
            input.select();
            try {
                await navigator.clipboard.writeText(input.value);
                Pages.say(status, 'Link copied.', 'ok');
            } catch (e) {
                Pages.say(status, 'Select the link and copy it (the browser did not allow copying).', '');
            }
        });
    }
};
