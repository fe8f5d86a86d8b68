//! Files for multipart endpoints such as `drive/files/create`.

/// A file to upload. (Placeholder: the core work fills this in.)
#[derive(Debug, Clone)]
pub struct UploadFile {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// The file name.
    pub name: String,
}
