"""Sound for the player and the audio guide: tones, WAV files, players, speech."""
