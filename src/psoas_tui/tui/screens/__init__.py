"""The full screens: home, catalogue, routines, history, help, player, summary, self-test."""
