"""What sends reminders and keeps them planned, below the habits' writes (habits.changes uses
`planning`): the schedule, the Web Push encoding and its transport, the sender's cache gate and
the action tokens. The API, the services and the sender are in habits.reminders."""
