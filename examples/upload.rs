//! Uploads a file to the drive, streamed from disk.
//!
//! ```text
//! MISSKEY_TOKEN=... cargo run --example upload -- https://misskey.example photo.jpg
//! ```

use misskey_client::{Client, UploadFile};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(server), Some(file)) = (args.next(), args.next()) else {
        eprintln!("usage: upload SERVER FILE (token in MISSKEY_TOKEN)");
        std::process::exit(2);
    };
    let token = std::env::var("MISSKEY_TOKEN")?;
    let client = Client::builder(&server).token(token).build()?;

    // The generated `drive/files/create` request takes an `UploadFile` as its `file` field;
    // this example sends the same multipart body with the raw path to stay independent of
    // the generated code: the file is opened and streamed when the request is sent.
    let upload = UploadFile::from_path(&file);
    println!("uploading {upload:?}");
    let request = Upload { file: upload };
    let created = client.call(&request).await?;
    println!("created drive file {}", created["id"]);
    Ok(())
}

/// A minimal `drive/files/create` request.
#[derive(Debug, serde::Serialize)]
struct Upload {
    #[serde(skip)]
    file: UploadFile,
}

impl misskey_client::Endpoint for Upload {
    type Response = serde_json::Value;
    type ErrorCode = NoCodes;
    const NAME: &'static str = "drive/files/create";
    const REQUIRES_CREDENTIAL: bool = true;
    const PERMISSION: Option<&'static str> = Some("write:drive");
    const MULTIPART: bool = true;

    fn files(&self) -> Vec<(&'static str, &UploadFile)> {
        vec![("file", &self.file)]
    }
}

/// No typed error codes for this hand-written request.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NoCodes(String);

impl misskey_client::EndpointErrorCode for NoCodes {
    fn from_code(code: &str) -> Self {
        NoCodes(code.to_owned())
    }
    fn as_str(&self) -> &str {
        &self.0
    }
}
