-- Automatic feed posts of the credits module's events (module "feed"): a member added a credit
-- (kind CREDIT, by that member), and a colleague confirmed a member's credit (kind CONFIRMATION, by
-- the credit's owner, naming the confirmer). Like portfolio posts, the credit is referred to by id
-- only (no foreign key: modules do not share tables); its headline ("Gaffer · Title (2022)") is
-- copied into item_title, and the posts go when the credit or the confirmation goes.
ALTER TABLE post
    ADD COLUMN credit_id     bigint,
    ADD COLUMN production_id bigint,
    ADD COLUMN confirmer_id  bigint REFERENCES member (id) ON DELETE CASCADE;

ALTER TABLE post DROP CONSTRAINT post_kind_known;
ALTER TABLE post ADD CONSTRAINT post_kind_known CHECK (kind IN ('TEXT', 'PORTFOLIO', 'CREDIT', 'CONFIRMATION'));
ALTER TABLE post ADD CONSTRAINT post_credit_has_credit CHECK (kind NOT IN ('CREDIT', 'CONFIRMATION')
    OR (credit_id IS NOT NULL AND production_id IS NOT NULL AND item_title IS NOT NULL AND body IS NULL
        AND portfolio_item_id IS NULL));
ALTER TABLE post ADD CONSTRAINT post_confirmation_has_confirmer CHECK ((kind = 'CONFIRMATION') = (confirmer_id IS NOT NULL));

-- The listener's idempotence keys: one post per credit, one per confirmation.
CREATE UNIQUE INDEX post_credit_key ON post (credit_id) WHERE kind = 'CREDIT';
CREATE UNIQUE INDEX post_confirmation_key ON post (credit_id, confirmer_id) WHERE kind = 'CONFIRMATION';
-- A credit's posts when it goes; ON DELETE CASCADE of the confirmer.
CREATE INDEX post_credit_idx ON post (credit_id) WHERE credit_id IS NOT NULL;
CREATE INDEX post_confirmer_idx ON post (confirmer_id) WHERE confirmer_id IS NOT NULL;
