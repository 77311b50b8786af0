"""Read input files and normalise their text: the first stage of the pipeline."""
