"""What the registry workbenches share (the customer administrator's and
the telemarketer's): calls off the UI thread and the message line, the
reason dialog, the lead table, and the set-up of their views."""
