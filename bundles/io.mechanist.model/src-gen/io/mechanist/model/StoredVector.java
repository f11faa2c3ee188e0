/**
 */
package io.mechanist.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Stored Vector</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A direction in activation space (steering vector, probe direction, random control) stored as an f32 tensor [dimension] in a safetensors file of the store.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.StoredVector#getSiteId <em>Site Id</em>}</li>
 *   <li>{@link io.mechanist.model.StoredVector#getDimension <em>Dimension</em>}</li>
 *   <li>{@link io.mechanist.model.StoredVector#getMethod <em>Method</em>}</li>
 *   <li>{@link io.mechanist.model.StoredVector#getNorm <em>Norm</em>}</li>
 *   <li>{@link io.mechanist.model.StoredVector#getFile <em>File</em>}</li>
 *   <li>{@link io.mechanist.model.StoredVector#getTensorName <em>Tensor Name</em>}</li>
 *   <li>{@link io.mechanist.model.StoredVector#getSha256 <em>Sha256</em>}</li>
 *   <li>{@link io.mechanist.model.StoredVector#getSourceCapture <em>Source Capture</em>}</li>
 *   <li>{@link io.mechanist.model.StoredVector#getSourceResult <em>Source Result</em>}</li>
 *   <li>{@link io.mechanist.model.StoredVector#getProvenance <em>Provenance</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getStoredVector()
 * @model
 * @generated
 */
public interface StoredVector extends Identified {
	/**
	 * Returns the value of the '<em><b>Site Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Site Id</em>' attribute.
	 * @see #setSiteId(String)
	 * @see io.mechanist.model.MechanistPackage#getStoredVector_SiteId()
	 * @model
	 * @generated
	 */
	String getSiteId();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredVector#getSiteId <em>Site Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Site Id</em>' attribute.
	 * @see #getSiteId()
	 * @generated
	 */
	void setSiteId(String value);

	/**
	 * Returns the value of the '<em><b>Dimension</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Dimension</em>' attribute.
	 * @see #setDimension(int)
	 * @see io.mechanist.model.MechanistPackage#getStoredVector_Dimension()
	 * @model
	 * @generated
	 */
	int getDimension();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredVector#getDimension <em>Dimension</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Dimension</em>' attribute.
	 * @see #getDimension()
	 * @generated
	 */
	void setDimension(int value);

	/**
	 * Returns the value of the '<em><b>Method</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Method</em>' attribute.
	 * @see #setMethod(String)
	 * @see io.mechanist.model.MechanistPackage#getStoredVector_Method()
	 * @model
	 * @generated
	 */
	String getMethod();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredVector#getMethod <em>Method</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Method</em>' attribute.
	 * @see #getMethod()
	 * @generated
	 */
	void setMethod(String value);

	/**
	 * Returns the value of the '<em><b>Norm</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Norm</em>' attribute.
	 * @see #setNorm(double)
	 * @see io.mechanist.model.MechanistPackage#getStoredVector_Norm()
	 * @model
	 * @generated
	 */
	double getNorm();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredVector#getNorm <em>Norm</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Norm</em>' attribute.
	 * @see #getNorm()
	 * @generated
	 */
	void setNorm(double value);

	/**
	 * Returns the value of the '<em><b>File</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>File</em>' attribute.
	 * @see #setFile(String)
	 * @see io.mechanist.model.MechanistPackage#getStoredVector_File()
	 * @model
	 * @generated
	 */
	String getFile();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredVector#getFile <em>File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>File</em>' attribute.
	 * @see #getFile()
	 * @generated
	 */
	void setFile(String value);

	/**
	 * Returns the value of the '<em><b>Tensor Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Tensor Name</em>' attribute.
	 * @see #setTensorName(String)
	 * @see io.mechanist.model.MechanistPackage#getStoredVector_TensorName()
	 * @model
	 * @generated
	 */
	String getTensorName();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredVector#getTensorName <em>Tensor Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Tensor Name</em>' attribute.
	 * @see #getTensorName()
	 * @generated
	 */
	void setTensorName(String value);

	/**
	 * Returns the value of the '<em><b>Sha256</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Sha256</em>' attribute.
	 * @see #setSha256(String)
	 * @see io.mechanist.model.MechanistPackage#getStoredVector_Sha256()
	 * @model
	 * @generated
	 */
	String getSha256();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredVector#getSha256 <em>Sha256</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Sha256</em>' attribute.
	 * @see #getSha256()
	 * @generated
	 */
	void setSha256(String value);

	/**
	 * Returns the value of the '<em><b>Source Capture</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Source Capture</em>' reference.
	 * @see #setSourceCapture(Capture)
	 * @see io.mechanist.model.MechanistPackage#getStoredVector_SourceCapture()
	 * @model
	 * @generated
	 */
	Capture getSourceCapture();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredVector#getSourceCapture <em>Source Capture</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source Capture</em>' reference.
	 * @see #getSourceCapture()
	 * @generated
	 */
	void setSourceCapture(Capture value);

	/**
	 * Returns the value of the '<em><b>Source Result</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Source Result</em>' reference.
	 * @see #setSourceResult(AnalysisResult)
	 * @see io.mechanist.model.MechanistPackage#getStoredVector_SourceResult()
	 * @model
	 * @generated
	 */
	AnalysisResult getSourceResult();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredVector#getSourceResult <em>Source Result</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source Result</em>' reference.
	 * @see #getSourceResult()
	 * @generated
	 */
	void setSourceResult(AnalysisResult value);

	/**
	 * Returns the value of the '<em><b>Provenance</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Provenance</em>' containment reference.
	 * @see #setProvenance(Provenance)
	 * @see io.mechanist.model.MechanistPackage#getStoredVector_Provenance()
	 * @model containment="true"
	 * @generated
	 */
	Provenance getProvenance();

	/**
	 * Sets the value of the '{@link io.mechanist.model.StoredVector#getProvenance <em>Provenance</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Provenance</em>' containment reference.
	 * @see #getProvenance()
	 * @generated
	 */
	void setProvenance(Provenance value);

} // StoredVector
