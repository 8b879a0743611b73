/**
 * SAMPLE catalogue of common procedures for the demo (names as published on the public
 * service portals; codes, fees and processing times are realistic but illustrative —
 * a province loads its own catalogue through the admin import).
 */
export type DemoProcedure = {
  code: string;
  name: string;
  agency: string;
  field: string;
  processingDays: number;
  feeVnd: number;
  postalChargeVnd: number;
  requiredPapers: string[];
  inPersonOnly?: boolean;
};

const CA = 'Công an tỉnh Đồng Nai';
const STP = 'Sở Tư pháp tỉnh Đồng Nai';
const SXD = 'Sở Xây dựng tỉnh Đồng Nai';
const SNNMT = 'Sở Nông nghiệp và Môi trường tỉnh Đồng Nai';
const VPDKDD = 'Văn phòng Đăng ký đất đai tỉnh Đồng Nai';
const UBX = 'UBND phường/xã';
const BHXH = 'Bảo hiểm xã hội tỉnh Đồng Nai';
const STC = 'Sở Tài chính tỉnh Đồng Nai';
const SYT = 'Sở Y tế tỉnh Đồng Nai';
const SNV = 'Sở Nội vụ tỉnh Đồng Nai';
const SCT = 'Sở Công Thương tỉnh Đồng Nai';
const SGDDT = 'Sở Giáo dục và Đào tạo tỉnh Đồng Nai';
const CCCD = 'Bản sao CCCD/hộ chiếu của người yêu cầu';

export const DEMO_PROCEDURES: DemoProcedure[] = [
  { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', agency: STP, field: 'Lý lịch tư pháp', processingDays: 10, feeVnd: 200_000, postalChargeVnd: 30_000, requiredPapers: ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', CCCD, 'Bản sao giấy tờ chứng minh nơi cư trú'] },
  { code: '2.000505', name: 'Cấp Phiếu lý lịch tư pháp số 2 cho cá nhân', agency: STP, field: 'Lý lịch tư pháp', processingDays: 10, feeVnd: 200_000, postalChargeVnd: 30_000, requiredPapers: ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', CCCD] },
  { code: '1.002804', name: 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp', agency: CA, field: 'Giấy phép lái xe', processingDays: 5, feeVnd: 135_000, postalChargeVnd: 30_000, requiredPapers: ['Đơn đề nghị đổi giấy phép lái xe', 'Giấy khám sức khỏe của người lái xe', 'Bản sao giấy phép lái xe', CCCD] },
  { code: '1.002809', name: 'Cấp lại giấy phép lái xe', agency: CA, field: 'Giấy phép lái xe', processingDays: 10, feeVnd: 135_000, postalChargeVnd: 30_000, requiredPapers: ['Đơn đề nghị cấp lại giấy phép lái xe', 'Giấy khám sức khỏe của người lái xe', CCCD] },
  { code: '1.002820', name: 'Cấp giấy phép lái xe quốc tế', agency: CA, field: 'Giấy phép lái xe', processingDays: 5, feeVnd: 135_000, postalChargeVnd: 30_000, requiredPapers: ['Tờ khai đề nghị cấp giấy phép lái xe quốc tế', 'Bản sao giấy phép lái xe quốc gia', CCCD] },
  { code: '1.001193', name: 'Đăng ký kết hôn', agency: UBX, field: 'Hộ tịch', processingDays: 1, feeVnd: 0, postalChargeVnd: 0, requiredPapers: ['Tờ khai đăng ký kết hôn', 'Giấy xác nhận tình trạng hôn nhân', 'CCCD của hai bên nam, nữ'], inPersonOnly: true },
  { code: '1.001022', name: 'Đăng ký khai sinh', agency: UBX, field: 'Hộ tịch', processingDays: 1, feeVnd: 0, postalChargeVnd: 26_000, requiredPapers: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'CCCD của cha hoặc mẹ'] },
  { code: '1.000656', name: 'Đăng ký khai tử', agency: UBX, field: 'Hộ tịch', processingDays: 1, feeVnd: 0, postalChargeVnd: 26_000, requiredPapers: ['Tờ khai đăng ký khai tử', 'Giấy báo tử hoặc giấy tờ thay giấy báo tử'] },
  { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', agency: UBX, field: 'Hộ tịch', processingDays: 3, feeVnd: 0, postalChargeVnd: 26_000, requiredPapers: ['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', CCCD] },
  { code: '2.000635', name: 'Cấp bản sao trích lục hộ tịch', agency: UBX, field: 'Hộ tịch', processingDays: 1, feeVnd: 8_000, postalChargeVnd: 26_000, requiredPapers: ['Tờ khai cấp bản sao trích lục hộ tịch', CCCD] },
  { code: '1.004884', name: 'Đăng ký lại khai sinh', agency: UBX, field: 'Hộ tịch', processingDays: 5, feeVnd: 0, postalChargeVnd: 26_000, requiredPapers: ['Tờ khai đăng ký lại khai sinh', 'Bản sao giấy khai sinh cũ (nếu có)', CCCD] },
  { code: '1.001695', name: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch', agency: UBX, field: 'Hộ tịch', processingDays: 3, feeVnd: 15_000, postalChargeVnd: 26_000, requiredPapers: ['Tờ khai thay đổi, cải chính hộ tịch', 'Giấy khai sinh bản chính', 'Giấy tờ làm căn cứ cải chính'] },
  { code: '2.000908', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', agency: UBX, field: 'Chứng thực', processingDays: 1, feeVnd: 2_000, postalChargeVnd: 0, requiredPapers: ['Bản chính giấy tờ cần chứng thực', 'Bản sao cần chứng thực'], inPersonOnly: true },
  { code: '2.000884', name: 'Chứng thực chữ ký trong các giấy tờ, văn bản', agency: UBX, field: 'Chứng thực', processingDays: 1, feeVnd: 10_000, postalChargeVnd: 0, requiredPapers: ['Giấy tờ cần chứng thực chữ ký', CCCD], inPersonOnly: true },
  { code: '1.010053', name: 'Cấp hộ chiếu phổ thông lần đầu', agency: CA, field: 'Xuất nhập cảnh', processingDays: 8, feeVnd: 200_000, postalChargeVnd: 0, requiredPapers: ['Tờ khai đề nghị cấp hộ chiếu', 'Ảnh chân dung', 'CCCD bản chính'], inPersonOnly: true },
  { code: '1.010054', name: 'Cấp hộ chiếu phổ thông lần hai trở đi', agency: CA, field: 'Xuất nhập cảnh', processingDays: 8, feeVnd: 200_000, postalChargeVnd: 30_000, requiredPapers: ['Tờ khai đề nghị cấp hộ chiếu', 'Ảnh chân dung', 'Hộ chiếu cũ'] },
  { code: '1.010033', name: 'Đăng ký thường trú', agency: CA, field: 'Cư trú', processingDays: 7, feeVnd: 20_000, postalChargeVnd: 26_000, requiredPapers: ['Tờ khai thay đổi thông tin cư trú', 'Giấy tờ chứng minh chỗ ở hợp pháp'] },
  { code: '1.010036', name: 'Đăng ký tạm trú', agency: CA, field: 'Cư trú', processingDays: 3, feeVnd: 15_000, postalChargeVnd: 26_000, requiredPapers: ['Tờ khai thay đổi thông tin cư trú', 'Giấy tờ chứng minh chỗ ở hợp pháp'] },
  { code: '2.001159', name: 'Cấp, đổi thẻ Căn cước', agency: CA, field: 'Căn cước', processingDays: 7, feeVnd: 50_000, postalChargeVnd: 0, requiredPapers: ['Thẻ căn cước cũ (nếu đổi)'], inPersonOnly: true },
  { code: '1.001212', name: 'Đăng ký xe (cấp lần đầu)', agency: CA, field: 'Đăng ký xe', processingDays: 2, feeVnd: 150_000, postalChargeVnd: 0, requiredPapers: ['Giấy khai đăng ký xe', 'Chứng từ nguồn gốc xe', 'Chứng từ lệ phí trước bạ'], inPersonOnly: true },
  { code: '1.012781', name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu', agency: VPDKDD, field: 'Đất đai', processingDays: 20, feeVnd: 100_000, postalChargeVnd: 31_500, requiredPapers: ['Đơn đăng ký đất đai, tài sản gắn liền với đất', 'Giấy tờ về quyền sử dụng đất', 'Sơ đồ thửa đất'] },
  { code: '1.012790', name: 'Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế', agency: VPDKDD, field: 'Đất đai', processingDays: 8, feeVnd: 50_000, postalChargeVnd: 31_500, requiredPapers: ['Đơn đăng ký biến động', 'Hợp đồng chuyển nhượng/tặng cho có công chứng', 'Giấy chứng nhận đã cấp'] },
  { code: '1.012796', name: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất', agency: VPDKDD, field: 'Đất đai', processingDays: 7, feeVnd: 50_000, postalChargeVnd: 31_500, requiredPapers: ['Đơn đề nghị cấp đổi Giấy chứng nhận', 'Giấy chứng nhận đã cấp'] },
  { code: '1.012800', name: 'Cấp lại Giấy chứng nhận do bị mất', agency: VPDKDD, field: 'Đất đai', processingDays: 10, feeVnd: 50_000, postalChargeVnd: 31_500, requiredPapers: ['Đơn đề nghị cấp lại Giấy chứng nhận', 'Giấy xác nhận việc niêm yết thông báo mất'] },
  { code: '1.009994', name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', agency: SXD, field: 'Xây dựng', processingDays: 15, feeVnd: 75_000, postalChargeVnd: 31_500, requiredPapers: ['Đơn đề nghị cấp giấy phép xây dựng', 'Giấy tờ về quyền sử dụng đất', 'Bản vẽ thiết kế xây dựng'] },
  { code: '1.009996', name: 'Cấp giấy phép sửa chữa, cải tạo công trình', agency: SXD, field: 'Xây dựng', processingDays: 15, feeVnd: 75_000, postalChargeVnd: 31_500, requiredPapers: ['Đơn đề nghị cấp giấy phép sửa chữa, cải tạo', 'Giấy tờ về quyền sở hữu công trình', 'Bản vẽ hiện trạng'] },
  { code: '2.000720', name: 'Đăng ký thành lập hộ kinh doanh', agency: UBX, field: 'Hộ kinh doanh', processingDays: 3, feeVnd: 100_000, postalChargeVnd: 26_000, requiredPapers: ['Giấy đề nghị đăng ký hộ kinh doanh', CCCD] },
  { code: '1.001612', name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', agency: UBX, field: 'Hộ kinh doanh', processingDays: 3, feeVnd: 50_000, postalChargeVnd: 26_000, requiredPapers: ['Thông báo thay đổi nội dung đăng ký hộ kinh doanh', 'Giấy chứng nhận đăng ký hộ kinh doanh bản gốc'] },
  { code: '2.001610', name: 'Đăng ký thành lập doanh nghiệp tư nhân', agency: STC, field: 'Thành lập và hoạt động doanh nghiệp', processingDays: 3, feeVnd: 50_000, postalChargeVnd: 26_000, requiredPapers: ['Giấy đề nghị đăng ký doanh nghiệp', CCCD] },
  { code: '2.002040', name: 'Đăng ký thành lập công ty TNHH một thành viên', agency: STC, field: 'Thành lập và hoạt động doanh nghiệp', processingDays: 3, feeVnd: 50_000, postalChargeVnd: 26_000, requiredPapers: ['Giấy đề nghị đăng ký doanh nghiệp', 'Điều lệ công ty', 'Bản sao giấy tờ pháp lý của chủ sở hữu'] },
  { code: '1.000105', name: 'Cấp lại sổ bảo hiểm xã hội do mất, hỏng', agency: BHXH, field: 'Bảo hiểm xã hội', processingDays: 10, feeVnd: 0, postalChargeVnd: 26_000, requiredPapers: ['Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (mẫu TK1-TS)'] },
  { code: '1.000110', name: 'Cấp lại, đổi thẻ bảo hiểm y tế', agency: BHXH, field: 'Bảo hiểm y tế', processingDays: 3, feeVnd: 0, postalChargeVnd: 26_000, requiredPapers: ['Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (mẫu TK1-TS)'] },
  { code: '1.001978', name: 'Giải quyết hưởng chế độ tử tuất', agency: BHXH, field: 'Bảo hiểm xã hội', processingDays: 12, feeVnd: 0, postalChargeVnd: 26_000, requiredPapers: ['Sổ bảo hiểm xã hội', 'Bản sao giấy chứng tử', 'Tờ khai của thân nhân'] },
  { code: '1.000401', name: 'Giải quyết hưởng trợ cấp thất nghiệp', agency: SNV, field: 'Việc làm', processingDays: 20, feeVnd: 0, postalChargeVnd: 0, requiredPapers: ['Đề nghị hưởng trợ cấp thất nghiệp', 'Quyết định thôi việc', 'Sổ bảo hiểm xã hội'], inPersonOnly: true },
  { code: '1.000459', name: 'Cấp giấy phép lao động cho người lao động nước ngoài', agency: SNV, field: 'Việc làm', processingDays: 5, feeVnd: 600_000, postalChargeVnd: 31_500, requiredPapers: ['Văn bản đề nghị cấp giấy phép lao động', 'Giấy chứng nhận sức khỏe', 'Phiếu lý lịch tư pháp', 'Văn bằng chứng minh chuyên môn'] },
  { code: '1.004494', name: 'Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình', agency: UBX, field: 'Bảo trợ xã hội', processingDays: 7, feeVnd: 0, postalChargeVnd: 26_000, requiredPapers: ['Giấy đề nghị xác nhận', CCCD] },
  { code: '1.001776', name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng', agency: UBX, field: 'Bảo trợ xã hội', processingDays: 10, feeVnd: 0, postalChargeVnd: 26_000, requiredPapers: ['Tờ khai đề nghị trợ cấp xã hội', 'Bản sao giấy khai sinh hoặc CCCD'] },
  { code: '1.002425', name: 'Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', agency: SCT, field: 'An toàn thực phẩm', processingDays: 15, feeVnd: 1_000_000, postalChargeVnd: 31_500, requiredPapers: ['Đơn đề nghị cấp giấy chứng nhận', 'Bản thuyết minh về cơ sở vật chất', 'Giấy xác nhận tập huấn kiến thức an toàn thực phẩm'] },
  { code: '2.000620', name: 'Cấp giấy phép bán lẻ sản phẩm rượu', agency: SCT, field: 'Lưu thông hàng hóa', processingDays: 10, feeVnd: 1_200_000, postalChargeVnd: 31_500, requiredPapers: ['Đơn đề nghị cấp giấy phép', 'Bản sao giấy chứng nhận đăng ký kinh doanh', 'Văn bản giới thiệu của thương nhân cung cấp rượu'] },
  { code: '1.004604', name: 'Cấp chứng chỉ hành nghề dược', agency: SYT, field: 'Dược phẩm', processingDays: 20, feeVnd: 500_000, postalChargeVnd: 31_500, requiredPapers: ['Đơn đề nghị cấp chứng chỉ hành nghề dược', 'Bản sao văn bằng chuyên môn', 'Giấy xác nhận thời gian thực hành'] },
  { code: '1.005092', name: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', agency: SGDDT, field: 'Văn bằng, chứng chỉ', processingDays: 1, feeVnd: 3_000, postalChargeVnd: 26_000, requiredPapers: ['Đơn đề nghị cấp bản sao', CCCD] },
  { code: '1.005388', name: 'Chỉnh sửa nội dung văn bằng, chứng chỉ', agency: SGDDT, field: 'Văn bằng, chứng chỉ', processingDays: 5, feeVnd: 0, postalChargeVnd: 26_000, requiredPapers: ['Đơn đề nghị chỉnh sửa', 'Văn bằng đề nghị chỉnh sửa', 'Giấy tờ làm căn cứ chỉnh sửa'] },
  { code: '1.004227', name: 'Cấp giấy phép khai thác, sử dụng nước dưới đất', agency: SNNMT, field: 'Tài nguyên nước', processingDays: 30, feeVnd: 400_000, postalChargeVnd: 31_500, requiredPapers: ['Đơn đề nghị cấp giấy phép', 'Báo cáo kết quả thi công giếng khai thác', 'Kết quả phân tích chất lượng nước'] },
  { code: '1.008003', name: 'Cấp giấy phép môi trường', agency: SNNMT, field: 'Môi trường', processingDays: 30, feeVnd: 0, postalChargeVnd: 31_500, requiredPapers: ['Văn bản đề nghị cấp giấy phép môi trường', 'Báo cáo đề xuất cấp giấy phép môi trường'] },
  { code: '3.000200', name: 'Nộp phạt vi phạm hành chính lĩnh vực giao thông đường bộ', agency: CA, field: 'Xử lý vi phạm hành chính', processingDays: 1, feeVnd: 0, postalChargeVnd: 20_000, requiredPapers: ['Biên bản/quyết định xử phạt vi phạm hành chính'] },
];
