fn main() {
    match memcycle::data::builtin() {
        Ok(d) => println!("{} segments", d.segments.len()),
        Err(e) => eprintln!("{e}"),
    }
}
