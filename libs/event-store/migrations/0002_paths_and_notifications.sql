-- One active service path per client at a time (DOMAIN.md "The path"). Maintained in the same
-- transaction as the events that start, exit or reopen a path, so it can never disagree.
CREATE TABLE client_active_paths (
  client_reference  text         PRIMARY KEY,
  path_id           text         NOT NULL UNIQUE,
  since             timestamptz  NOT NULL DEFAULT now()
);

-- In-app notifications for staff: reminders to the coach, escalations to a team lead, …
-- The id is the firing event's id, so a retried notification is stored once.
CREATE TABLE notifications (
  notification_id    uuid         PRIMARY KEY,
  path_id            text         NOT NULL,
  employment_area    text         NOT NULL,
  recipient          text         NOT NULL,
  recipient_user_id  text,
  rule               text         NOT NULL,
  kind               text         NOT NULL,
  due_at             timestamptz  NOT NULL,
  created_at         timestamptz  NOT NULL DEFAULT now(),
  read_at            timestamptz
);
CREATE INDEX notifications_by_recipient ON notifications (employment_area, recipient, recipient_user_id, created_at DESC);
