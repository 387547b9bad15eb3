"""Use cases: what Chet does for a salesperson (ask, draft, approve, digest), over memory and the engines."""
