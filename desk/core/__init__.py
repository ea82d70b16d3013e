"""The shop's domain: models, rules, storage, search. Never imports Qt."""
