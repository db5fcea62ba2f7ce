-- A portfolio item may prove one of its owner's credits (module "portfolio"): the showreel next to
-- the credit it shows. The link goes when the credit goes (ON DELETE SET NULL); that the credit is
-- the owner's own is checked by the portfolio module when the item is saved.
ALTER TABLE portfolio_item ADD COLUMN credit_id bigint REFERENCES credit (id) ON DELETE SET NULL;
CREATE INDEX portfolio_item_credit_idx ON portfolio_item (credit_id) WHERE credit_id IS NOT NULL;
