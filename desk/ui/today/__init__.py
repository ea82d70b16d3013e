"""The Today page: what is due now."""
