#!/usr/bin/env python3
"""A real SMTP server for the tests (Debian's python3-aiosmtpd).

Stores each accepted message as <n>.eml in the folder, with <n>.json beside it (decoded subject, Message-ID,
recipients, text and HTML bodies, .ics attachments) so the C# tests need no MIME parser. Answers 550 to recipients
whose local part starts with "reject" unless listed in <folder>/allowed.txt, and 451 to those starting with "busy".
Offers AUTH PLAIN/LOGIN without TLS (loopback only); once <folder>/users.txt holds "user:password" lines, a client that
has not signed in as one of them gets 530 for every recipient.
Usage: smtp_server.py PORT FOLDER   (prints "ready" once it listens; stop it with SIGTERM or SIGKILL)
"""
import email
import email.policy
import json
import os
import signal
import sys
import threading
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, folder):
        self.folder = folder

    def allowed(self):
        path = os.path.join(self.folder, "allowed.txt")
        if not os.path.exists(path):
            return set()
        with open(path, encoding="utf-8") as f:
            return {line.strip().lower() for line in f if line.strip()}

    def users(self):
        path = os.path.join(self.folder, "users.txt")
        if not os.path.exists(path):
            return None
        with open(path, encoding="utf-8") as f:
            return {line.strip() for line in f if line.strip()}

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        users = self.users() or set()
        if isinstance(auth_data, LoginPassword):
            login = auth_data.login.decode("utf-8") + ":" + auth_data.password.decode("utf-8")
            return AuthResult(success=login in users, handled=False)
        return AuthResult(success=False, handled=False)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.users() is not None and not session.authenticated:
            return "530 5.7.0 Authentication required"
        local = address.split("@")[0].lower()
        if local.startswith("reject") and address.lower() not in self.allowed():
            return "550 5.1.1 Mailbox unavailable"
        if local.startswith("busy"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = {"text": None, "html": None, "ics": []}
        for part in message.walk():
            if part.is_multipart():
                continue
            kind = part.get_content_type()
            if kind == "text/calendar":
                parts["ics"].append({
                    "fileName": part.get_filename(),
                    "contentType": str(part.get("Content-Type")),
                    "content": part.get_payload(decode=True).decode("utf-8"),
                })
            elif kind == "text/plain" and parts["text"] is None:
                parts["text"] = part.get_content()
            elif kind == "text/html" and parts["html"] is None:
                parts["html"] = part.get_content()
        name = f"{os.times().elapsed:020.6f}-{uuid.uuid4().hex}"
        record = {
            "file": name + ".eml",
            "messageId": str(message.get("Message-ID", "")),
            "subject": str(message.get("Subject", "")),
            "from": str(message.get("From", "")),
            "to": envelope.rcpt_tos,
            "contentLanguage": str(message.get("Content-Language", "")),
            **parts,
        }
        with open(os.path.join(self.folder, name + ".eml"), "wb") as f:
            f.write(raw)
        temporary = os.path.join(self.folder, name + ".json.tmp")
        with open(temporary, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.replace(temporary, os.path.join(self.folder, name + ".json"))  # readers never see half a file
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    handler = Handler(folder)
    controller = Controller(handler, hostname="127.0.0.1", port=port, authenticator=handler.authenticate, auth_require_tls=False)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
