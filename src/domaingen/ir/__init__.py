"""The checked IR (`nodes`) and helpers over it (`index`)."""
